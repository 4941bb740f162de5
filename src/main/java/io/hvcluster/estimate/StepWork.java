package io.hvcluster.estimate;

import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.steps.AddSharedVolumesStep;
import io.hvcluster.steps.ConfigureAddressesStep;
import io.hvcluster.steps.ConfigureClusterNetworksStep;
import io.hvcluster.steps.ConfigureQuorumStep;
import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.steps.CreateVirtualSwitchesStep;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.InstallFailoverClusteringStep;
import io.hvcluster.steps.RenameAdaptersStep;
import io.hvcluster.steps.UnbindProtocolsStep;
import io.hvcluster.steps.ValidateClusterStep;
import java.time.Duration;
import java.util.Set;

/**
 * What one script or one restart costs on one host, from a {@link HardwareProfile}: the bench's simulated hosts
 * spend exactly this, and the critical-path bound and `plan`'s estimate add up the same values, so the three
 * can be compared.
 *
 * <p>A script costs its WinRM transport (requests × round trip, plus authentication), starting powershell.exe,
 * the module imports, and the step's own work. A restart is shutdown + POST + boot + services, plus the
 * "configuring features" screens when it finishes a feature install.
 */
public final class StepWork {

    /** The fewest HTTP requests a script costs through the WinRM executor (Create, Command, Send, Receive, Delete, each after a 401). */
    public static final int MIN_REQUESTS_PER_SCRIPT = 10;

    private static final Set<String> KNOWN = Set.of(FactsProbe.ID, PreflightProbe.ID, RenameAdaptersStep.ID, ConfigureAddressesStep.ID,
            UnbindProtocolsStep.ID, InstallFailoverClusteringStep.ID, ValidateClusterStep.ID, CreateClusterStep.ID,
            ConfigureQuorumStep.ID, EnableHyperVStep.ID, AddSharedVolumesStep.ID, CreateVirtualSwitchesStep.ID,
            ConfigureClusterNetworksStep.ID, io.hvcluster.steps.PrepareSharedDisksStep.ID, io.hvcluster.steps.ConnectStorageStep.ID,
            io.hvcluster.steps.HostSettingsStep.ID, io.hvcluster.steps.FinalValidationStep.ID);

    private final HardwareProfile profile;
    private final Spread spread;
    private final int nodes;
    private final int sharedVolumes;
    private final int virtualSwitches;

    public StepWork(HardwareProfile profile, Spread spread, Inventory inventory) {
        this.profile = profile;
        this.spread = spread;
        this.nodes = inventory.hosts().size();
        this.sharedVolumes = inventory.cluster().sharedVolumes().size();
        this.virtualSwitches = inventory.cluster().virtualSwitches().size();
    }

    public HardwareProfile profile() {
        return profile;
    }

    /** Whether this class knows what the step's scripts do (a test walks the pipeline with it). */
    public static boolean knows(String stepId) {
        return KNOWN.contains(stepId);
    }

    /**
     * @param drain whether enable-hyper-v drains the node first (rolling builds)
     * @return the whole cost of the script on {@code host} with the fewest WinRM requests
     */
    public Duration script(String stepId, String phase, String host, boolean drain) {
        return overhead(stepId, phase, host, MIN_REQUESTS_PER_SCRIPT).plus(work(stepId, phase, host, drain));
    }

    /** Transport, authentication, powershell.exe and module imports for one script of {@code requests} HTTP requests. */
    public Duration overhead(String stepId, String phase, String host, int requests) {
        String key = host + "/" + stepId + "/" + phase;
        return pick(profile.winRmRoundTrip(), key).multipliedBy(requests)
                .plus(pick(profile.authentication(), key))
                .plus(pick(profile.powerShellStart(), key))
                .plus(pick(profile.moduleImport(), key));
    }

    /** The script's own work once PowerShell runs. */
    public Duration work(String stepId, String phase, String host, boolean drain) {
        String key = host + "/" + stepId + "/" + phase;
        return switch (stepId) {
            case FactsProbe.ID -> pick(profile.factsProbe(), key);
            case PreflightProbe.ID -> pick(profile.preflightProbe(), key);
            case RenameAdaptersStep.ID, UnbindProtocolsStep.ID -> pick(profile.adapterScript(), key);
            case ConfigureAddressesStep.ID -> pick(profile.addressScript(), key);
            case InstallFailoverClusteringStep.ID -> pick(profile.installFailoverClustering(), key);
            // Installing Multipath-IO (and on a new build Hyper-V with it) costs what a feature install costs; after
            // the restart, sessions and the LUN check are an ordinary script.
            case io.hvcluster.steps.ConnectStorageStep.ID -> phase.equals("apply")
                    ? pick(profile.installFailoverClustering(), key) : pick(profile.afterRestartScript(), key);
            case ValidateClusterStep.ID, io.hvcluster.steps.FinalValidationStep.ID -> pick(profile.testClusterBase(), key).plus(pick(profile.testClusterPerNode(), key).multipliedBy(nodes));
            case CreateClusterStep.ID -> pick(profile.newClusterBase(), key).plus(pick(profile.newClusterPerNode(), key).multipliedBy(nodes));
            case EnableHyperVStep.ID -> phase.equals("apply")
                    ? pick(profile.installHyperV(), key).plus(drain ? pick(profile.drain(), key) : Duration.ZERO)
                    : pick(profile.afterRestartScript(), key);
            case AddSharedVolumesStep.ID -> pick(profile.sharedVolumeScript(), key).multipliedBy(Math.max(1, sharedVolumes));
            case CreateVirtualSwitchesStep.ID -> pick(profile.virtualSwitchScript(), key).multipliedBy(Math.max(1, virtualSwitches));
            // configure-quorum, configure-cluster-networks, prepare-shared-disks (a quick format takes seconds),
            // host-settings (Defender and Set-VMHost settings), and any
            // step added later until it is described here
            default -> pick(profile.clusterScript(), key);
        };
    }

    /**
     * From the start of restart number {@code n} of {@code host} (its boot count before the restart) until WinRM
     * answers again.
     *
     * @param finishesFeatures whether Windows configures installed features during this restart
     */
    public Duration restart(String host, int n, boolean finishesFeatures) {
        String key = host + "/restart#" + n;
        Duration d = pick(profile.shutdown(), key).plus(pick(profile.post(), key)).plus(pick(profile.osBoot(), key))
                .plus(pick(profile.servicesReady(), key));
        return finishesFeatures ? d.plus(pick(profile.featureConfiguration(), key)) : d;
    }

    /** The host answers for this long between Hyper-V's first and second restart (typical value: the simulator's gap is fixed). */
    public Duration secondRestartGap() {
        return profile.hyperVSecondRestartGap().typical();
    }

    /** Restarts enable-hyper-v costs a host that does not have Hyper-V yet. */
    public int hyperVRestarts() {
        return profile.hyperVSecondRestart() ? 2 : 1;
    }

    private Duration pick(Figure f, String key) {
        return spread.pick(f, key);
    }
}
