package io.hvcluster.sim.host;

import io.hvcluster.windows.ResumeClusterNode;
import io.hvcluster.windows.SuspendClusterNode;

/**
 * Suspend-ClusterNode -Drain -Wait and Resume-ClusterNode on the model (docs/windows-behaviour.md, "Rolling restart"):
 * a drain pauses the node first and ends Completed or Failed (the {@code drainFails} fault: a role that cannot move);
 * a failed drain leaves the node Paused. Resume-ClusterNode takes a Paused node back; an Up node stays as it is.
 */
final class ClusterNodeCmdlets {

    private ClusterNodeCmdlets() {
    }

    /** The node on this host's cluster, as Get-ClusterNode -Name finds it. */
    private static SimulatedCluster.Node node(StepRun run, String name) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        return c.node(name).orElseThrow(() -> new StepFailure("The node '" + name + "' is not a member of cluster '" + c.name + "'."));
    }

    /** Suspend-ClusterNode -Drain -Wait, then the template's check that the drain Completed. */
    static void suspend(StepRun run, SuspendClusterNode op) throws StepFailure {
        SimulatedCluster.Node me = node(run, op.node());
        me.paused = true;
        me.drainStatus = run.dc.requireHost(op.node()).faults.drainFails ? "Failed" : "Completed";
        if (!me.drainStatus.equals("Completed")) {
            throw new StepFailure("draining " + op.node() + " did not complete (" + me.drainStatus
                    + "); move or stop the roles that cannot leave, then run again (the node stays Paused)");
        }
        run.change("drained and paused " + op.node());
    }

    /** Resume-ClusterNode: a Paused node is Up again and reported; the template's caller waited for it to leave Joining. */
    static void resume(StepRun run, ResumeClusterNode op) throws StepFailure {
        SimulatedCluster.Node me = node(run, op.node());
        if (run.dc.nodeState(me, run.nowMillis()).equals("Paused")) {
            me.paused = false;
            me.drainStatus = "NotInitiated";
            run.change("resumed " + op.node());
            run.data.put("resumedNode", op.node());
        }
    }
}
