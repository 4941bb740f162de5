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
import io.hvcluster.windows.InstallWindowsFeature;
import io.hvcluster.windows.ResumeClusterNode;
import io.hvcluster.windows.ShutdownRestart;
import io.hvcluster.windows.SuspendClusterNode;
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
     * @param withMultipathIo     connect-storage installs Hyper-V together with Multipath-IO where both are still to
     *                            install (one restart for both; see {@link ConnectStorageStep#hyperVComesAlong})
     */
    public record Params(String feature, boolean drain, int rebootDelaySeconds, String rebootMessage, int waitSeconds,
            boolean withMultipathIo) {
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
        ConnectStorageStep.Params storage = new ConnectStorageStep().parameters(inventory, host);
        return new Params(WindowsFeature.HYPER_V.windowsName(), drain, REBOOT_DELAY_SECONDS, "hvcluster: restart to enable Hyper-V",
                WAIT_SECONDS, storage.iscsi() && storage.mpio() && storage.withHyperV());
    }

    @Override
    public StepPlan plan(String host, Params params, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts f = facts.of(host);
        String feature = params.feature();
        String state = f.feature(feature).map(HostFacts.Feature::installState).orElse("");
        if (state.isEmpty()) {
            return out.problem("the Hyper-V role is not available on this server").build();
        }
        if (state.equals("Installed")) {
            if (f.pausedByHvcluster()) {
                // A run that stopped after the restart but before its check left the node paused.
                out.change("cluster node " + host, "paused by hvcluster for a restart whose check did not finish", "resumed")
                        .by(new ResumeClusterNode(host));
            }
            return out.build();
        }
        if (!state.equals("InstallPending") && params.withMultipathIo() && ConnectStorageStep.hyperVComesAlong(f)) {
            // One restart per host: connect-storage installs Hyper-V with Multipath-IO and plans that restart.
            return out.run("feature " + feature, "installed earlier by connect-storage, in the Multipath-IO restart; then checked here").build();
        }
        boolean drains = params.drain() && f.clusterMember();
        if (drains) {
            drain(host, f.cluster(), out);
        }
        if (!state.equals("InstallPending")) {
            out.change("feature " + feature + " (with its management tools)", state, "Installed").by(new InstallWindowsFeature(feature, true));
        }
        return out.restart(host, state.equals("InstallPending") ? "to finish installing Hyper-V" : drains ? "drained first" : "")
                .by(new ShutdownRestart(params.rebootDelaySeconds(), params.rebootMessage(), "to finish enabling " + feature))
                .build();
    }

    /**
     * Never take a second node down: whatever this node's state (a re-run may find it Paused after a drain that
     * failed), refuse while any other node is not Up; drain unless a drain already Completed (docs/windows-behaviour.md,
     * "Rolling restart").
     */
    private static void drain(String host, HostFacts.Cluster cluster, StepPlanBuilder out) {
        cluster.nodes().stream().filter(n -> !n.name().equalsIgnoreCase(host) && !"Up".equals(n.state())).findFirst()
                .ifPresent(n -> out.problem("node " + n.name() + " is " + n.state() + "; refusing to take " + host + " down as well"));
        HostFacts.Node me = cluster.nodes().stream().filter(n -> n.name().equalsIgnoreCase(host)).findFirst()
                .orElse(new HostFacts.Node(host, "", ""));
        if (!me.state().equals("Up") && !me.state().equals("Paused")) {
            out.problem("node " + host + " is " + me.state() + "; wait until it is Up, then run again");
        } else if (!me.state().equals("Paused") || !"Completed".equals(me.drainStatus())) {
            out.change("cluster node " + host, me.state(), "drained and paused").by(new SuspendClusterNode(host));
        }
    }

    /** Hyper-V may restart the host twice: it is back once the role is Installed and vmms runs. */
    @Override
    public boolean backAfterRestart(HostFacts facts) {
        return facts.featureInstalled(WindowsFeature.HYPER_V.windowsName()) && facts.hyperV() != null && facts.hyperV().running();
    }

    @Override
    public String backAfterRestartMeans() {
        return "with Hyper-V running";
    }

    @Override
    public List<String> checks() {
        return List.of("Wait until the host is back (Hyper-V may restart it twice), then run the after-reboot script.",
                "The after-reboot script waits for vmms, checks HypervisorPresent and lists System log errors since the first restart: the guide says the logs must be clean.",
                "Only then go on to the next host.");
    }
}
