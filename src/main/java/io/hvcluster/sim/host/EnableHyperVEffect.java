package io.hvcluster.sim.host;

import io.hvcluster.steps.EnableHyperVStep;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * templates/enable-hyper-v/apply.ps1.vm: drain (when asked), Install-WindowsFeature (InstallPending until the
 * restart; Hyper-V's prerequisite check refuses a CPU without virtualization or DEP), then shutdown.exe /r.
 * The caller schedules the restart from {@link ScriptOutcome#restartAfter()}.
 */
final class EnableHyperVEffect implements StepEffect<EnableHyperVStep.Params> {

    @Override
    public Class<EnableHyperVStep.Params> paramsType() {
        return EnableHyperVStep.Params.class;
    }

    @Override
    public void apply(StepRun run, EnableHyperVStep.Params params) throws StepFailure {
        WindowsHost host = run.host;
        String state = String.valueOf(host.featureState(params.feature()));
        run.data.put("installStateBefore", state);
        run.data.put("bootTimeBefore", FactsSnapshot.roundTrip(host.bootTimeMillis));
        run.data.put("rebootScheduled", false);
        if (state.equals("Installed")) {
            if (host.pendingReboot()) {
                run.warning("a restart is pending for another reason; hvcluster leaves it to you");
            }
            AfterHyperVRebootEffect.resumePausedNode(run, params.waitSeconds());
            return;
        }
        Optional<SimulatedCluster> cluster = run.cluster();
        if (params.drain() && cluster.isPresent()) {
            drain(run, cluster.get());
        }
        if (!state.equals("InstallPending")) {
            run.spend(run.latencies().featureInstall());
            prerequisites(host, params.feature());
            host.features.put(params.feature(), "InstallPending");
            if (host.features.containsKey("Hyper-V-PowerShell") && !host.featureInstalled("Hyper-V-PowerShell")) {
                host.features.put("Hyper-V-PowerShell", "InstallPending");
            }
            host.bootsToFinishFeatures = run.latencies().hyperVSecondReboot() ? 2 : 1;
            run.data.put("exitCode", "SuccessRestartRequired");
            run.change("installed " + params.feature() + " (SuccessRestartRequired)");
        }
        if (host.hyperVRestartRequestedMillis == null) {
            host.hyperVRestartRequestedMillis = run.nowMillis();
        }
        run.data.put("rebootScheduled", true);
        run.restartAfter = Optional.of(Duration.ofSeconds(params.rebootDelaySeconds()));
        run.change("restart scheduled in " + params.rebootDelaySeconds() + " s to finish enabling " + params.feature());
    }

    /**
     * The guard runs whatever this node's state; the mark is written before Suspend-ClusterNode; a drain that is not
     * Completed (the drainFails knob: a role that cannot move) leaves the node Paused and stops the step.
     */
    private static void drain(StepRun run, SimulatedCluster c) throws StepFailure {
        SimulatedCluster.Node me = c.node(run.host.name).orElseThrow();
        List<SimulatedCluster.Node> down = c.nodes.stream()
                .filter(n -> !n.name.equalsIgnoreCase(run.host.name) && !run.dc.nodeState(n).equals("Up")).toList();
        if (!down.isEmpty()) {
            throw new StepFailure("node " + down.get(0).name + " is " + run.dc.nodeState(down.get(0)) + "; refusing to take "
                    + run.host.name + " down as well");
        }
        String myState = run.dc.nodeState(me);
        if (!myState.equals("Up") && !myState.equals("Paused")) {
            throw new StepFailure("node " + run.host.name + " is " + myState + "; wait until it is Up, then run again");
        }
        if (myState.equals("Paused") && me.drainStatus.equals("Completed")) {
            return;
        }
        if (myState.equals("Up")) {
            run.host.pausedForHyperVMark = true;
        }
        me.paused = true;
        me.drainStatus = run.host.faults.drainFails ? "Failed" : "Completed";
        if (!me.drainStatus.equals("Completed")) {
            throw new StepFailure("draining " + run.host.name + " did not complete (" + me.drainStatus
                    + "); move or stop the roles that cannot leave, then run again (the node stays Paused)");
        }
        run.change("drained and paused " + run.host.name);
    }

    /** Install-WindowsFeature's prerequisite check for Hyper-V: a terminating error under 'Stop'. */
    private static void prerequisites(WindowsHost host, String feature) throws StepFailure {
        if (!feature.equals("Hyper-V")) {
            return;
        }
        if (!host.virtualizationFirmwareEnabled && !host.hypervisorRunning) {
            throw new StepFailure("A prerequisite check for the Hyper-V feature failed. 1. Hyper-V cannot be installed: "
                    + "The processor does not have required virtualization capabilities.");
        }
        if (!host.depAvailable) {
            throw new StepFailure("A prerequisite check for the Hyper-V feature failed. 1. Hyper-V cannot be installed: "
                    + "Data Execution Prevention (DEP) is not enabled in the firmware.");
        }
    }
}
