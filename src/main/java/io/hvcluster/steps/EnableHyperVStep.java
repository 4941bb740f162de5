package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.WindowsFeature;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import java.util.List;
import java.util.Set;

/**
 * Step 8: the Hyper-V role with its management tools, one host at a time: drain the node (when the build is
 * rolling), install, restart; after the restart, wait for vmms, check the hypervisor and the System log since the first restart, and resume the node.
 */
public final class EnableHyperVStep implements Step<EnableHyperVStep.Params> {

    public static final String ID = "enable-hyper-v";

    /** Seconds between scheduling the restart and Windows starting it: lets the script report first. */
    static final int REBOOT_DELAY_SECONDS = 10;

    /**
     * How long a script waits for vmms after the restart and for the node to leave Joining: 10 minutes, well inside
     * the 60-minute step timeout (RunOptions).
     */
    public static final int WAIT_SECONDS = 600;

    /**
     * @param feature             "Hyper-V"
     * @param drain               drain the node before the restart (rolling builds; a parallel build of an
     *                            empty cluster has nothing to drain)
     * @param rebootDelaySeconds  shutdown.exe /t value
     * @param rebootMessage       the reason logged with the restart
     * @param waitSeconds         longest the scripts wait for vmms and for the node to leave Joining (within the
     *                            step timeout)
     */
    public record Params(String feature, boolean drain, int rebootDelaySeconds, String rebootMessage, int waitSeconds) {
    }

    private final boolean drain;

    /** @param drain whether nodes are drained before their restart (the reboot strategy decides) */
    public EnableHyperVStep(boolean drain) {
        this.drain = drain;
    }

    public EnableHyperVStep() {
        this(true);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Enable Hyper-V (restarts the host)";
    }

    @Override
    public Scope scope() {
        return Scope.ONE_HOST_AT_A_TIME;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(ConfigureQuorumStep.ID);
    }

    @Override
    public List<Phase> phases() {
        return List.of(new Phase(Phase.Kind.APPLY, ID + "/apply.ps1.vm", true),
                new Phase(Phase.Kind.AFTER_REBOOT, ID + "/after-reboot.ps1.vm", false));
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        return new Params("Hyper-V", drain, REBOOT_DELAY_SECONDS, "hvcluster: restart to enable Hyper-V", WAIT_SECONDS);
    }

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host.name());
        HostFacts f = facts.of(host.name());
        String feature = WindowsFeature.HYPER_V.windowsName();
        String state = f.feature(feature).map(HostFacts.Feature::installState).orElse("");
        if (state.isEmpty()) {
            out.problem("the Hyper-V role is not available on this server");
        } else if (state.equals("Installed") && f.pausedByHvcluster()) {
            out.change("cluster node " + host.name(), "paused by hvcluster for a restart whose check did not finish", "resumed");
        } else if (state.equals("InstallPending")) {
            out.restart(host.name(), "to finish installing Hyper-V");
        } else if (!state.equals("Installed") && ConnectStorageStep.installsHyperVOn(host, facts)) {
            // One restart per host: connect-storage installs Hyper-V with Multipath-IO and plans that restart.
            out.run("feature " + feature, "installed earlier by connect-storage, in the Multipath-IO restart; then checked here");
        } else if (!state.equals("Installed")) {
            out.change("feature " + feature + " (with its management tools)", state, "Installed");
            out.restart(host.name(), drain && f.clusterMember() ? "drained first" : "");
        }
        return out.build();
    }

    /** Hyper-V may restart the host twice: it is back once the role is Installed and vmms runs. */
    @Override
    public boolean backAfterRestart(HostFacts facts) {
        return facts.featureInstalled(WindowsFeature.HYPER_V.windowsName()) && facts.hyperV() != null && facts.hyperV().running();
    }

    @Override
    public List<String> checks() {
        return List.of("Wait until the host is back (Hyper-V may restart it twice), then run the after-reboot script.",
                "The after-reboot script waits for vmms, checks HypervisorPresent and lists System log errors since the first restart: the guide says the logs must be clean.",
                "Only then go on to the next host.");
    }
}
