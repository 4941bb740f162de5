package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.pipeline.Phase;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 items 1, 2 and 7: the rolling restart of enable-hyper-v as a real host behaves (a drain that fails, a
 * node that rejoins through Joining, vmms that starts after WinRM answers, a hypervisor that does not start without
 * an error, an error between Hyper-V's two restarts). docs/windows-behaviour.md has the sources.
 */
class RealWindowsRestartTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    private static String error(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as("exit code of " + r + ": " + r.result().stdout()).isEqualTo(1);
        return r.json().get("error").asText();
    }

    private SimulatedBuild.Run afterReboot(String host) {
        return build.runWith(EnableHyperVStep.ID, "after-reboot", host,
                new EnableHyperVStep().parameters(build.inventory, build.inventory.host(host).orElseThrow()));
    }

    /** Restarts long enough that WinRM answers while vmms is still starting and the node is still Joining. */
    private void realisticRestarts() {
        build.dc.setLatencies(build.dc.latencies().withRebootDowntime(Duration.ofSeconds(60)));
    }

    private SimulatedBuild.Run applyAndRestart(String host) {
        SimulatedBuild.Run apply = build.run(EnableHyperVStep.ID, host);
        assertThat(apply.result().exitCode()).as(apply.result().stdout()).isZero();
        build.waitForRestart(host, apply.json().get("data").get("bootTimeBefore").asText());
        return apply;
    }

    // ---- item 1: the rolling restart's guard and drain ----

    @Test
    void aFailedDrainLeavesTheMarkSoTheNodeIsHvclustersToResume() {
        build.runBefore(EnableHyperVStep.ID);
        build.dc.requireHost("HV02").faults.drainFails = true;
        assertThat(error(build.run(EnableHyperVStep.ID, "HV02"))).startsWith("draining HV02 did not complete (Failed)");
        assertThat(build.dc.nodeState(build.dc.cluster("HVCL01").orElseThrow().node("HV02").orElseThrow())).isEqualTo("Paused");
        assertThat(build.dc.requireHost("HV02").pausedForHyperVMark).as("PausedForHyperV written before Suspend-ClusterNode").isTrue();
    }

    @Test
    void aRerunOnANodeLeftPausedStillRefusesWhileAnotherNodeIsDown() {
        build.runBefore(EnableHyperVStep.ID);
        WindowsHost hv02 = build.dc.requireHost("HV02");
        hv02.faults.drainFails = true;
        build.run(EnableHyperVStep.ID, "HV02");
        hv02.faults.drainFails = false;
        build.dc.requireHost("HV03").down = true;
        build.dc.requireHost("HV03").upAtMillis = null;

        assertThat(error(build.run(EnableHyperVStep.ID, "HV02"))).isEqualTo("node HV03 is Down; refusing to take HV02 down as well");
        assertThat(hv02.featureState("Hyper-V")).isEqualTo("Available");
        assertThat(hv02.shutdownAtMillis).isNull();
    }

    @Test
    void aRerunAfterAFailedDrainDrainsAgainRestartsAndResumesTheNode() {
        build.runBefore(EnableHyperVStep.ID);
        WindowsHost hv02 = build.dc.requireHost("HV02");
        hv02.faults.drainFails = true;
        build.run(EnableHyperVStep.ID, "HV02");
        assertThat(error(build.run(EnableHyperVStep.ID, "HV02"))).as("never restarts while the drain is not Completed")
                .startsWith("draining HV02 did not complete (Failed)");
        assertThat(hv02.shutdownAtMillis).isNull();

        hv02.faults.drainFails = false;
        SimulatedBuild.Run apply = applyAndRestart("HV02");
        assertThat(apply.json().get("changes").get(0).asText()).isEqualTo("drained and paused HV02");
        SimulatedBuild.Run after = afterReboot("HV02");
        assertThat(after.result().exitCode()).as(after.result().stdout()).isZero();
        assertThat(after.json().get("data").get("resumedNode").asText()).isEqualTo("HV02");
        assertThat(build.dc.nodeState(build.dc.cluster("HVCL01").orElseThrow().node("HV02").orElseThrow())).isEqualTo("Up");
        assertThat(hv02.pausedForHyperVMark).isFalse();
    }

    @Test
    void theApplyScriptChecksTheOtherNodesWhateverThisNodesStateAndMarksBeforeItPauses() {
        EnableHyperVStep step = new EnableHyperVStep();
        String text = SimulatedBuild.render(build.inventory, step, step.phases().get(0), build.inventory.firstNode());
        int guard = text.indexOf("$down = @(Get-ClusterNode");
        int myState = text.indexOf("$myState = [string]$me.State");
        int mark = text.indexOf("New-ItemProperty -LiteralPath $HvcStateKey -Name 'PausedForHyperV'");
        int suspend = text.indexOf("Suspend-ClusterNode -Name $env:COMPUTERNAME -Drain -Wait");
        int drained = text.indexOf("if ([string]$me.DrainStatus -ne 'Completed')");
        int restart = text.indexOf("& shutdown.exe /r");
        assertThat(guard).isPositive().isLessThan(myState);
        assertThat(mark).isPositive().isLessThan(suspend);
        assertThat(drained).isGreaterThan(suspend).isLessThan(restart);
    }

    // ---- item 2: the resume waits for a node that is Joining ----

    @Test
    void theResumeWaitsWhileTheNodeIsJoiningAndTheNextNodeCanGo() {
        realisticRestarts();
        build.runBefore(EnableHyperVStep.ID);
        applyAndRestart("HV01");
        SimulatedCluster.Node hv01 = build.dc.cluster("HVCL01").orElseThrow().node("HV01").orElseThrow();
        assertThat(build.dc.nodeState(hv01, build.clock.now().toEpochMilli())).as("right after the boot").isEqualTo("Joining");

        SimulatedBuild.Run after = afterReboot("HV01");
        assertThat(after.result().exitCode()).as(after.result().stdout()).isZero();
        assertThat(after.json().get("changes").toString()).contains("resumed HV01");
        assertThat(build.dc.nodeState(hv01, build.clock.now().toEpochMilli())).isEqualTo("Up");
        assertThat(build.dc.requireHost("HV01").pausedForHyperVMark).isFalse();
        assertThat(build.run(EnableHyperVStep.ID, "HV02").result().exitCode()).isZero();
    }

    @Test
    void aNodeStillJoiningAfterTheWaitKeepsItsMarkForTheNextRun() {
        realisticRestarts();
        build.runBefore(EnableHyperVStep.ID);
        applyAndRestart("HV01");
        EnableHyperVStep step = new EnableHyperVStep();
        EnableHyperVStep.Params p = step.parameters(build.inventory, build.inventory.firstNode());
        EnableHyperVStep.Params shortWait = new EnableHyperVStep.Params(p.feature(), p.drain(), p.rebootDelaySeconds(), p.rebootMessage(), 1,
                p.withMultipathIo());
        build.clock.advance(Duration.ofSeconds(12));
        SimulatedBuild.Run after = build.runWith(EnableHyperVStep.ID, "after-reboot", "HV01", shortWait);
        assertThat(error(after)).isEqualTo("cluster node HV01 is still Joining after 1 s; it stays marked and the next run resumes it");
        assertThat(build.dc.requireHost("HV01").pausedForHyperVMark).isTrue();
        assertThat(afterReboot("HV01").json().get("changes").toString()).contains("resumed HV01");
    }

    // ---- item 7: after the restart ----

    @Test
    void theCheckWaitsForVmmsThatStartsAfterWinRmAnswers() {
        realisticRestarts();
        build.runBefore(EnableHyperVStep.ID);
        applyAndRestart("HV01");
        WindowsHost hv01 = build.dc.requireHost("HV01");
        assertThat(hv01.vmmsStatus(build.clock.now().toEpochMilli())).contains("Stopped");
        SimulatedBuild.Run after = afterReboot("HV01");
        assertThat(after.result().exitCode()).as(after.result().stdout()).isZero();
        assertThat(after.result().duration()).isGreaterThanOrEqualTo(Duration.ofMillis(hv01.vmmsRunningAtMillis - hv01.bootTimeMillis - 1000));
    }

    @Test
    void aHypervisorThatDoesNotStartWithoutAnErrorEventFailsTheCheck() {
        build.runBefore(EnableHyperVStep.ID);
        build.dc.requireHost("HV01").faults.hypervisorLaunchTypeOff = true;
        applyAndRestart("HV01");
        SimulatedBuild.Run after = afterReboot("HV01");
        assertThat(error(after)).startsWith("the hypervisor is not running (Win32_ComputerSystem.HypervisorPresent is False)");
        assertThat(after.json().get("data").get("systemErrors")).isEmpty();
        assertThat(build.dc.requireHost("HV01").pausedForHyperVMark).as("not resumed: the node stays out").isTrue();
    }

    @Test
    void theLogIsReadFromTheFirstOfHyperVsRestarts() {
        build.runBefore(EnableHyperVStep.ID);
        build.dc.requireHost("HV01").faults.errorBetweenHyperVRestarts = true;
        applyAndRestart("HV01");
        assertThat(build.dc.requireHost("HV01").bootCount).as("Hyper-V restarted twice").isEqualTo(3);
        SimulatedBuild.Run after = afterReboot("HV01");
        assertThat(after.result().exitCode()).isZero();
        assertThat(after.json().get("warnings").toString())
                .contains("System log since the restart: Service Control Manager event 7026");
        assertThat(build.dc.requireHost("HV01").hyperVRestartRequestedMillis).as("cleared once checked").isNull();
    }

    @Test
    void theAfterRebootScriptPollsVmmsAndReadsHypervisorPresent() {
        EnableHyperVStep step = new EnableHyperVStep();
        Phase after = step.phases().get(1);
        String text = SimulatedBuild.render(build.inventory, step, after, build.inventory.firstNode());
        assertThat(text).contains("while (-not $vmms -or [string]$vmms.Status -ne 'Running')")
                .contains("Get-CimInstance -ClassName Win32_ComputerSystem").contains("$cs.HypervisorPresent")
                .contains("Get-HvcStateValue -Name 'HyperVRestartRequested'").contains("Resume-HvcPausedNode -WaitSeconds $WaitSeconds");
    }
}
