package io.hvcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.windows.InstallWindowsFeature;
import io.hvcluster.windows.ShutdownRestart;
import io.hvcluster.windows.SuspendClusterNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * enable-hyper-v's plan is its one copy of the rolling restart's decisions: the guard that never takes a second node
 * down, whether to drain, what to install, the restart, and the resume of a node left paused; each with its operation.
 */
class EnableHyperVStepTest {

    private static final Inventory INV = InventoryFixtures.fourNodes();

    private static StepPlan plan(EnableHyperVStep step, String host, Map<String, HostFacts> facts) {
        return step.diff(INV.host(host).orElseThrow(), new FactsView(INV, facts));
    }

    private static List<String> lines(StepPlan p) {
        return p.changes().stream().map(ChangeText::line).toList();
    }

    /** The converged cluster with Hyper-V still to install on {@code host}, and each node as {@code state}/{@code drain}. */
    private static Map<String, HostFacts> toInstall(String host, String other, String otherState, String myState, String myDrain) {
        Map<String, HostFacts> f = FactsFixtures.withHost(FactsFixtures.converged(INV), host, h -> FactsFixtures.withFeature(h, "Hyper-V", "Available"));
        return FactsFixtures.withCluster(f, c -> new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes().stream()
                .map(n -> n.name().equals(host) ? new HostFacts.Node(n.name(), myState, myDrain)
                        : n.name().equals(other) ? new HostFacts.Node(n.name(), otherState, n.drainStatus()) : n).toList(),
                c.quorumResource(), c.diskResources(), c.sharedVolumes(), c.networks(), c.groups(), c.migrationNetworkOrder(),
                c.migrationExcludeNetworks()));
    }

    @Test
    void aRollingRestartDrainsInstallsAndRestartsEachWithItsOperation() {
        StepPlan p = plan(new EnableHyperVStep(true), "HV02", toInstall("HV02", "HV03", "Up", "Up", "NotInitiated"));
        assertThat(lines(p)).containsExactly("~ cluster node HV02: Up → drained and paused",
                "~ feature Hyper-V (with its management tools): Available → Installed", "> restart HV02: drained first");
        assertThat(p.changes().stream().map(c -> c.operation().orElseThrow()).toList()).containsExactly(new SuspendClusterNode("HV02"),
                new InstallWindowsFeature("Hyper-V", true), new ShutdownRestart(10, "hvcluster: restart to enable Hyper-V", "to finish enabling Hyper-V"));
    }

    @Test
    void neverTakesASecondNodeDownWhateverThisNodesState() {
        assertThat(plan(new EnableHyperVStep(true), "HV02", toInstall("HV02", "HV03", "Down", "Up", "NotInitiated")).problems())
                .containsExactly("node HV03 is Down; refusing to take HV02 down as well");
        // A node a failed drain left Paused still refuses while another node is down.
        assertThat(plan(new EnableHyperVStep(true), "HV02", toInstall("HV02", "HV03", "Paused", "Paused", "Failed")).problems())
                .containsExactly("node HV03 is Paused; refusing to take HV02 down as well");
        assertThat(plan(new EnableHyperVStep(true), "HV02", toInstall("HV02", "HV03", "Up", "Joining", "NotInitiated")).problems())
                .containsExactly("node HV02 is Joining; wait until it is Up, then run again");
    }

    @Test
    void aCompletedDrainIsNotRepeatedAndAFailedOneIs() {
        assertThat(lines(plan(new EnableHyperVStep(true), "HV02", toInstall("HV02", "HV03", "Up", "Paused", "Completed"))))
                .doesNotContain("~ cluster node HV02: Paused → drained and paused").hasSize(2);
        assertThat(lines(plan(new EnableHyperVStep(true), "HV02", toInstall("HV02", "HV03", "Up", "Paused", "Failed"))))
                .contains("~ cluster node HV02: Paused → drained and paused");
    }

    @Test
    void aParallelBuildNeitherDrainsNorGuards() {
        StepPlan p = plan(new EnableHyperVStep(false), "HV02", toInstall("HV02", "HV03", "Down", "Up", "NotInitiated"));
        assertThat(p.problems()).isEmpty();
        assertThat(lines(p)).containsExactly("~ feature Hyper-V (with its management tools): Available → Installed", "> restart HV02");
    }

    @Test
    void hyperVInstallingWithMultipathIoIsLeftToConnectStorage() {
        HostFacts base = FactsFixtures.fresh(INV).get("HV01");
        List<HostFacts.Feature> features = new java.util.ArrayList<>(base.features());
        features.add(new HostFacts.Feature("Multipath-IO", "Available"));
        HostFacts fresh = new HostFacts(base.probe(), base.computerName(), base.errors(), base.os(), base.cpu(), base.system(), features,
                base.adapters(), base.sessionAdapters(), base.disks(), base.cluster(), base.hyperV(), false, null, null, null, null);
        EnableHyperVStep step = new EnableHyperVStep(true);
        EnableHyperVStep.Params p = step.parameters(INV, INV.firstNode());
        EnableHyperVStep.Params withMpio = new EnableHyperVStep.Params(p.feature(), p.drain(), p.rebootDelaySeconds(), p.rebootMessage(),
                p.waitSeconds(), true);
        assertThat(lines(step.plan("HV01", withMpio, FactsView.ofHost("HV01", fresh))))
                .containsExactly("> run feature Hyper-V: installed earlier by connect-storage, in the Multipath-IO restart; then checked here");
        assertThat(lines(step.plan("HV01", p, FactsView.ofHost("HV01", fresh)))).hasSize(2);
        // Once Multipath-IO is installed (or waits for its restart), Hyper-V is this step's again.
        HostFacts mpioDone = new HostFacts(fresh.probe(), fresh.computerName(), fresh.errors(), fresh.os(), fresh.cpu(), fresh.system(),
                fresh.features().stream().map(f -> f.name().equals("Multipath-IO") ? new HostFacts.Feature(f.name(), "Installed") : f).toList(),
                fresh.adapters(), fresh.sessionAdapters(), fresh.disks(), fresh.cluster(), fresh.hyperV(), false, null, null, null, null);
        assertThat(lines(step.plan("HV01", withMpio, FactsView.ofHost("HV01", mpioDone)))).hasSize(2);
    }
}
