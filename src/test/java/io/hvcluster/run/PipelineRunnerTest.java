package io.hvcluster.run;

import io.hvcluster.pipeline.ChangeText;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.plan.RebootStrategy;
import java.util.concurrent.atomic.AtomicBoolean;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Orchestration on the simulated datacenter (in process): a fresh build converges; a second run executes no
 * change script at all; drift gets exactly its fix; injected failures stop what depends on them, and a re-run
 * after the fix resumes without repeating done work. The simulator models state; it does not run PowerShell.
 */
class PipelineRunnerTest {

    @Test
    void aFreshBuildConvergesAndASecondRunExecutesNothing() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        SimulatedRun.Outcome first = sim.apply();
        assertThat(first.result().anyFailed()).as(first.result().summary()).isFalse();
        assertThat(sim.finished(StepStatus.NOT_CONVERGED)).isEmpty();
        assertThat(first.result().count(StepStatus.CHANGED)).isEqualTo(34);
        assertThat(sim.executed).contains("create-cluster/apply@HV01", "enable-hyper-v/after-reboot@HV04");
        // On virtual time: the restarts really took 3 minutes (and Hyper-V's second one), the test did not wait for them.
        assertThat(sim.runFinished.duration()).isGreaterThan(Duration.ofMinutes(6));
        assertThat(sim.notices).filteredOn(n -> n.kind() == NoticeKind.BACK_ONLINE).hasSize(4)
                .allSatisfy(n -> assertThat(n.message()).startsWith("back after "));
        assertThat(sim.runFinished.at()).isEqualTo(sim.time.now());

        SimulatedRun.Outcome second = sim.apply();
        assertThat(second.plan().summary()).isEqualTo("0 to change, 39 in desired state");
        assertThat(sim.executed).as("change scripts run on a converged cluster").isEmpty();
        assertThat(second.result().count(StepStatus.UNCHANGED)).isEqualTo(39);
    }

    @Test
    void driftGetsExactlyItsFix() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.apply();
        sim.dc.requireHost("HV02").adapter("Cluster").orElseThrow().name = "Ethernet 2";
        sim.dc.requireHost("HV03").switches.clear();

        SimulatedRun.Outcome again = sim.apply();
        assertThat(again.plan().toChange()).isEqualTo(2);
        assertThat(sim.executed).containsExactlyInAnyOrder("rename-adapters/apply@HV02", "create-virtual-switches/apply@HV03");
        assertThat(again.result().anyFailed()).isFalse();
        assertThat(sim.apply().plan().toChange()).isZero();
    }

    @Test
    void aFailedCreateClusterStopsWhatNeedsItAndARerunResumes() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.dc.requireHost("HV01").faults.failingSteps.put("create-cluster", "injected: the CNO could not be created in AD");
        SimulatedRun.Outcome failed = sim.apply();

        assertThat(failed.result().anyFailed()).isTrue();
        assertThat(failed.result().status("create-cluster", "HV01")).isEqualTo(StepStatus.FAILED);
        assertThat(sim.finished(StepStatus.FAILED)).singleElement().satisfies(f -> {
            assertThat(f.error()).isEqualTo("injected: the CNO could not be created in AD");
            assertThat(f.exitCode()).isEqualTo(1);
        });
        assertThat(failed.result().status("enable-hyper-v", "HV02")).isEqualTo(StepStatus.SKIPPED);
        assertThat(failed.result().status("configure-cluster-networks", "HV01")).isEqualTo(StepStatus.SKIPPED);
        assertThat(sim.executed).doesNotContain("configure-quorum/apply@HV01");

        sim.dc.requireHost("HV01").faults.failingSteps.clear();
        SimulatedRun.Outcome resumed = sim.apply();
        assertThat(resumed.result().anyFailed()).as(resumed.result().summary()).isFalse();
        assertThat(sim.executed).as("done work is not repeated")
                .noneMatch(s -> s.startsWith("rename-adapters") || s.startsWith("configure-addresses")
                        || s.startsWith("unbind-protocols") || s.startsWith("install-failover-clustering"))
                .contains("create-cluster/apply@HV01", "configure-quorum/apply@HV01");
    }

    @Test
    void theTimeoutSaysWhatTheRestartingStepWaitsForNotAlwaysHyperV() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.withIscsi(InventoryFixtures.fourNodes()));
        sim.dc.requireHost("HV02").faults.neverComesBack = true;
        SimulatedRun.Outcome out = sim.apply(RebootStrategy.AUTO, Duration.ofMinutes(20), false);

        assertThat(out.result().status("connect-storage", "HV02")).isEqualTo(StepStatus.FAILED);
        assertThat(sim.finished(StepStatus.FAILED)).singleElement()
                .satisfies(f -> assertThat(f.error()).startsWith("HV02 did not come back with Multipath-IO installed (and Hyper-V running, if it came along) within 20m00s"));
    }

    @Test
    void aHostThatDoesNotComeBackFailsClearlyAndNothingDependentRuns() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.dc.requireHost("HV03").faults.neverComesBack = true;
        SimulatedRun.Outcome out = sim.apply(RebootStrategy.AUTO, Duration.ofMinutes(20), false);

        assertThat(out.result().status("enable-hyper-v", "HV03")).isEqualTo(StepStatus.FAILED);
        assertThat(sim.finished(StepStatus.FAILED)).singleElement()
                .satisfies(f -> assertThat(f.error()).startsWith("HV03 did not come back with Hyper-V running within 20m00s"));
        // The cluster steps need HV03, and the first node runs them in its own sequence, so HV01 waits with them;
        // HV02 was not held by HV03's wait and had already created its switches.
        assertThat(out.result().status("add-shared-volumes", "HV01")).isEqualTo(StepStatus.SKIPPED);
        assertThat(out.result().status("configure-cluster-networks", "HV01")).isEqualTo(StepStatus.SKIPPED);
        assertThat(out.result().status("create-virtual-switches", "HV01")).isEqualTo(StepStatus.SKIPPED);
        assertThat(out.result().status("create-virtual-switches", "HV02")).isEqualTo(StepStatus.CHANGED);
        assertThat(out.result().status("create-virtual-switches", "HV03")).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void rollingRestartsOneHostAtATimeAndDrainsMembers() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.apply(RebootStrategy.ROLLING, Duration.ofMinutes(30), false);
        List<String> hyperV = sim.order.stream().filter(s -> s.contains("enable-hyper-v")).toList();
        assertThat(hyperV).containsExactly(
                "start enable-hyper-v/apply@HV01", "end enable-hyper-v/apply@HV01", "start enable-hyper-v/after-reboot@HV01", "end enable-hyper-v/after-reboot@HV01",
                "start enable-hyper-v/apply@HV02", "end enable-hyper-v/apply@HV02", "start enable-hyper-v/after-reboot@HV02", "end enable-hyper-v/after-reboot@HV02",
                "start enable-hyper-v/apply@HV03", "end enable-hyper-v/apply@HV03", "start enable-hyper-v/after-reboot@HV03", "end enable-hyper-v/after-reboot@HV03",
                "start enable-hyper-v/apply@HV04", "end enable-hyper-v/apply@HV04", "start enable-hyper-v/after-reboot@HV04", "end enable-hyper-v/after-reboot@HV04");
        assertThat(sim.finished).filteredOn(f -> f.stepId().equals("enable-hyper-v") && f.phase().equals("apply"))
                .allSatisfy(f -> assertThat(f.changes()).anyMatch(c -> c.startsWith("drained and paused")));
        assertThat(sim.finished).filteredOn(f -> f.stepId().equals("enable-hyper-v") && f.phase().equals("after-reboot"))
                .allSatisfy(f -> assertThat(f.changes()).anyMatch(c -> c.startsWith("resumed")));
    }

    @Test
    void aHostThatFailsItsRollingRestartStopsTheNextOne() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.dc.requireHost("HV02").faults.neverComesBack = true;
        SimulatedRun.Outcome out = sim.apply(RebootStrategy.ROLLING, Duration.ofMinutes(15), false);
        assertThat(out.result().status("enable-hyper-v", "HV01")).isEqualTo(StepStatus.CHANGED);
        assertThat(out.result().status("enable-hyper-v", "HV02")).isEqualTo(StepStatus.FAILED);
        assertThat(out.result().status("enable-hyper-v", "HV03")).isEqualTo(StepStatus.SKIPPED);
        assertThat(sim.executed).noneMatch(s -> s.startsWith("enable-hyper-v") && s.endsWith("@HV03"));
    }

    @Test
    void aSlowHostDoesNotHoldTheOthersAtEveryStepBoundary() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        Duration slow = Duration.ofMinutes(10);
        // Every change script on HV03 takes 10 minutes longer (a host busy with something else), on virtual time.
        sim.wrap = (host, inner) -> host.equals("HV03") ? new ScriptExecutor() {
            @Override
            public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
                if (!script.stepId().equals(io.hvcluster.facts.FactsProbe.ID) && !script.stepId().equals(io.hvcluster.facts.PreflightProbe.ID)) {
                    try {
                        sim.time.sleep(slow);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return inner.run(script, timeout, sink);
            }
        } : inner;
        SimulatedRun.Outcome out = sim.apply();
        assertThat(out.result().anyFailed()).as(out.result().summary()).isFalse();

        // HV01 went through its four per-host steps while HV03 was still in its first one...
        int hv03Renamed = sim.order.indexOf("end rename-adapters/apply@HV03");
        assertThat(sim.order.indexOf("end install-failover-clustering/apply@HV01")).isBetween(0, hv03Renamed);
        assertThat(sim.order.indexOf("end install-failover-clustering/apply@HV02")).isBetween(0, hv03Renamed);
        assertThat(started(sim, "install-failover-clustering", "HV01")).isBefore(SimulatedRun.START.plus(slow));
        // ...while the cluster step still waited for HV03 ...
        assertThat(sim.order.indexOf("start validate-cluster/apply@HV01"))
                .isGreaterThan(sim.order.indexOf("end install-failover-clustering/apply@HV03"));
        assertThat(started(sim, "validate-cluster", "HV01")).isAfter(SimulatedRun.START.plus(slow.multipliedBy(4)));
        // ...and after the restarts the others again flowed on to their switches without waiting for HV03's
        // (HV01 runs the cluster's add-shared-volumes first, which needs every host).
        assertThat(started(sim, "create-virtual-switches", "HV02")).isBefore(started(sim, "create-virtual-switches", "HV03").minus(slow));
        assertThat(started(sim, "create-virtual-switches", "HV01")).isAfter(started(sim, "add-shared-volumes", "HV01"));
        assertThat(sim.apply().plan().toChange()).isZero();
    }

    private static java.time.Instant started(SimulatedRun sim, String step, String host) {
        return sim.starts.stream().filter(s -> s.stepId().equals(step) && s.host().equals(host) && s.phase().equals("apply"))
                .findFirst().orElseThrow().at();
    }

    @Test
    void aStepThatReportsSuccessButChangesNothingIsNotConverged() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        // HV02's unbind-protocols "succeeds" without touching the host, as a broken template would.
        sim.wrap = (host, inner) -> host.equals("HV02") ? new ScriptExecutor() {
            @Override
            public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
                if (script.stepId().equals("unbind-protocols")) {
                    return new ScriptResult(0, "{\"step\":\"unbind-protocols\",\"changed\":true,\"changes\":[\"claimed\"],"
                            + "\"warnings\":[],\"data\":{},\"error\":null}", "", Duration.ZERO);
                }
                return inner.run(script, timeout, sink);
            }
        } : inner;
        SimulatedRun.Outcome out = sim.apply();
        assertThat(out.result().status("unbind-protocols", "HV02")).isEqualTo(StepStatus.NOT_CONVERGED);
        assertThat(sim.finished(StepStatus.NOT_CONVERGED)).singleElement().satisfies(f -> assertThat(f.error())
                .startsWith("the step reported success but the host still differs: ~ binding ms_lltdio on 'Virtual 1': enabled → disabled")
                .contains("~ binding ms_tcpip on 'Virtual 1': enabled → disabled"));
        assertThat(out.result().status("validate-cluster", "HV01")).isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void aConnectionBlipWhileASwitchIsCreatedIsSurvivedByReconnecting() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        AtomicBoolean dropped = new AtomicBoolean();
        // The switch is created, then the session's connection drops before the result arrives.
        sim.wrap = (host, inner) -> host.equals("HV03") ? new ScriptExecutor() {
            @Override
            public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
                ScriptResult r = inner.run(script, timeout, sink);
                if (script.stepId().equals("create-virtual-switches") && dropped.compareAndSet(false, true)) {
                    throw new ExecutionException(host, ExecutionException.Kind.CONNECTION_LOST, "HV03: connection reset");
                }
                return r;
            }
        } : inner;
        SimulatedRun.Outcome out = sim.apply();
        assertThat(dropped).isTrue();
        assertThat(out.result().status("create-virtual-switches", "HV03")).isEqualTo(StepStatus.CHANGED);
        assertThat(sim.notices).anySatisfy(n -> assertThat(n.message()).contains("connection lost during create-virtual-switches"));
        assertThat(out.result().anyFailed()).isFalse();
        assertThat(sim.executed).filteredOn(s -> s.equals("create-virtual-switches/apply@HV03")).hasSize(1);
    }

    @Test
    void unusedAdaptersAreDisabledWhenTheInventoryAsks() throws Exception {
        io.hvcluster.inventory.Inventory inv = InventoryFixtures.withDisableUnusedAdapters(InventoryFixtures.fourNodes(), true);
        SimulatedRun sim = new SimulatedRun(inv);
        io.hvcluster.sim.host.NetAdapter extra = new io.hvcluster.sim.host.NetAdapter();
        extra.name = "Ethernet 9";
        extra.description = "Broadcom NetXtreme Gigabit Ethernet";
        extra.mac = "00-10-18-AA-BB-CC";
        extra.ifIndex = 99;
        extra.bindings = new java.util.LinkedHashMap<>(java.util.Map.of("ms_tcpip", true, "ms_tcpip6", true));
        sim.dc.requireHost("HV02").adapters.add(extra);

        SimulatedRun.Outcome out = sim.apply();
        assertThat(out.result().anyFailed()).as(out.result().summary()).isFalse();
        assertThat(extra.status).isEqualTo("Disabled");
        assertThat(sim.finished).filteredOn(f -> f.stepId().equals("unbind-protocols") && f.host().equals("HV02"))
                .singleElement().satisfies(f -> assertThat(f.changes()).contains(
                        "disabled unused adapter 'Ethernet 9' [00-10-18-AA-BB-CC] (Broadcom NetXtreme Gigabit Ethernet)"));
        assertThat(sim.apply().plan().toChange()).isZero();
    }

    @Test
    void aNodeLeftPausedByAStoppedRunIsResumedByTheNextRun() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        // HV02's check after the restart fails (a hypervisor error in the System log): the run stops with HV02 drained.
        sim.dc.requireHost("HV02").faults.hypervisorLaunchError = true;
        SimulatedRun.Outcome stopped = sim.apply(RebootStrategy.ROLLING, Duration.ofMinutes(30), false);
        assertThat(stopped.result().status("enable-hyper-v", "HV02")).isEqualTo(StepStatus.FAILED);
        assertThat(sim.dc.requireHost("HV02").pausedForHyperVMark).isTrue();

        sim.dc.requireHost("HV02").faults.hypervisorLaunchError = false;
        // The admin fixed the cause and the hypervisor runs (else final-validation rightly fails: Hyper-V Role Installed).
        sim.dc.requireHost("HV02").hypervisorRunning = true;
        SimulatedRun.Outcome resumed = sim.apply(RebootStrategy.ROLLING, Duration.ofMinutes(30), false);
        assertThat(resumed.plan().steps()).filteredOn(s -> s.stepId().equals("enable-hyper-v") && s.host().equals("HV02"))
                .singleElement().satisfies(s -> assertThat(s.changes()).extracting(ChangeText::line)
                        .containsExactly("~ cluster node HV02: paused by hvcluster for a restart whose check did not finish → resumed"));
        assertThat(sim.finished).filteredOn(f -> f.stepId().equals("enable-hyper-v") && f.host().equals("HV02"))
                .singleElement().satisfies(f -> assertThat(f.changes()).containsExactly("resumed HV02"));
        assertThat(sim.notices).filteredOn(n -> n.kind() == NoticeKind.RESUMED && n.host().equals("HV02")).singleElement()
                .satisfies(n -> assertThat(n.message()).startsWith("resumed HV02 in the cluster"));
        assertThat(sim.dc.requireHost("HV02").pausedForHyperVMark).isFalse();
        assertThat(resumed.result().anyFailed()).as(resumed.result().summary()).isFalse();
        assertThat(sim.apply().plan().toChange()).isZero();
    }
}
