package io.hvcluster.sim.host;

import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.windows.ResumeClusterNode;
import io.hvcluster.windows.ShutdownRestart;
import io.hvcluster.windows.SuspendClusterNode;
import io.hvcluster.windows.WindowsOp;
import java.util.Optional;

/**
 * templates/enable-hyper-v/apply.ps1.vm: what to do (drain, install, restart, or resume a node left paused) and the
 * guards come from the step's plan; each change is made through {@link Cmdlets}. What stays here is no decision: the
 * template's reports (the state and boot time it found, a restart pending for another reason), the registry marks it
 * writes next to two of the calls (PausedForHyperV before Suspend-ClusterNode from Up, HyperVRestartRequested before
 * the first restart), and the bounded wait before a resume. The caller restarts the host from
 * {@link ScriptOutcome#restartAfter()}.
 */
final class EnableHyperVEffect extends PlanningEffect<EnableHyperVStep.Params> {

    EnableHyperVEffect() {
        super(new EnableHyperVStep());
    }

    @Override
    public void apply(StepRun run, EnableHyperVStep.Params params) throws StepFailure {
        WindowsHost host = run.host;
        run.data.put("installStateBefore", String.valueOf(host.featureState(params.feature())));
        Restart.recordBootTimeBefore(run);
        StepPlan plan = plan(run, params);
        if (host.featureInstalled(params.feature()) && host.pendingReboot()) {
            run.warning("a restart is pending for another reason; hvcluster leaves it to you");
        }
        for (Change c : plan.changes()) {
            Optional<WindowsOp> op = c.operation();
            if (op.isEmpty()) {
                continue; // installed by connect-storage with Multipath-IO: nothing to do here
            }
            if (op.get() instanceof ResumeClusterNode resume) {
                resumePausedNode(run, params.waitSeconds(), resume);
                continue;
            }
            if (op.get() instanceof SuspendClusterNode suspend && nodeState(run, suspend.node()).equals("Up")) {
                // The mark first: a drain that fails leaves the node Paused, and the next run must know who paused it.
                host.pausedForHyperVMark = true;
            }
            if (op.get() instanceof ShutdownRestart && host.hyperVRestartRequestedMillis == null) {
                // The System log check after the restart reads from the first of Hyper-V's restarts.
                host.hyperVRestartRequestedMillis = run.nowMillis();
            }
            Cmdlets.apply(run, op.get());
        }
    }

    private static String nodeState(StepRun run, String node) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        return c.node(node).map(n -> run.dc.nodeState(n, run.nowMillis())).orElse("");
    }

    /**
     * templates/_lib/reboot.ps1.vm Resume-HvcPausedNode, for the node the plan resumes (only one hvcluster paused):
     * waits (bounded) while the node is Down or Joining after its boot; the mark goes only once the node is no longer
     * Paused.
     */
    static void resumePausedNode(StepRun run, int waitSeconds, ResumeClusterNode op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        Optional<SimulatedCluster.Node> me = c.node(op.node());
        if (me.isPresent() && me.get().joiningUntilMillis != null) {
            run.waitUntil(me.get().joiningUntilMillis, waitSeconds);
        }
        String state = nodeState(run, op.node());
        if (me.isPresent() && !state.equals("Up") && !state.equals("Paused")) {
            throw new StepFailure("cluster node " + op.node() + " is still " + state + " after " + waitSeconds
                    + " s; it stays marked and the next run resumes it");
        }
        Cmdlets.apply(run, op);
        run.host.pausedForHyperVMark = false;
    }
}
