package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.facts.RunLockMark;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.sim.host.WindowsHost;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The run lock on the simulated hosts (issue 16 item 1): of two applies started at once exactly one runs and the other
 * is refused with who holds the lock; a lock left by a crashed run stops an apply and shows its age; plan only says so;
 * a partial acquire releases what it took; the lock is released at the end, also after a failure.
 */
class RunLockTest {

    private static final RunLockMark ALICE = new RunLockMark("run-a", "CORP\\alice", "ADMIN01", "2026-03-02T08:00:00Z");
    private static final RunLockMark BOB = new RunLockMark("run-b", "CORP\\bob", "ADMIN02", "2026-03-02T08:00:00Z");

    private static final Workflow.Console YES = new Workflow.Console() {
        @Override
        public void preflight(PreflightReport report) {
        }

        @Override
        public void plan(Plan plan) {
        }

        @Override
        public boolean confirm(Plan plan) {
            return true;
        }
    };

    private static Workflow.Outcome apply(SimulatedRun sim, RunLockMark as) throws Exception {
        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            return new Workflow(runner, true, YES).lockAs(as).run(Workflow.Goal.APPLY);
        }
    }

    @Test
    void ofTwoConcurrentAppliesOneRunsAndTheOtherIsRefusedWithTheHolder() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Workflow.Outcome> a = two.submit((Callable<Workflow.Outcome>) () -> apply(sim, ALICE));
            Future<Workflow.Outcome> b = two.submit((Callable<Workflow.Outcome>) () -> apply(sim, BOB));
            List<Workflow.Outcome> both = List.of(a.get(), b.get());

            assertThat(both).extracting(Workflow.Outcome::ending)
                    .containsExactlyInAnyOrder(Workflow.Ending.APPLIED, Workflow.Ending.LOCKED);
            Workflow.Outcome applied = both.stream().filter(o -> o.ending() == Workflow.Ending.APPLIED).findFirst().orElseThrow();
            Workflow.Outcome refused = both.stream().filter(o -> o.ending() == Workflow.Ending.LOCKED).findFirst().orElseThrow();
            assertThat(applied.result().anyFailed()).as(applied.summary()).isFalse();
            RunLockMark winner = applied == both.get(0) ? ALICE : BOB;
            // Refused at its own acquire (on HV01, asked first) or already by its facts, which may have read HV01 just
            // before the other run locked it and another host just after.
            assertThat(refused.summary()).matches("cannot apply: HV0\\d is \\Q" + winner.describe() + "\\E.*");
            assertThat(refused.failed()).isTrue();
            assertThat(refused.exitCode()).isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
        assertThat(sim.dc.hosts.values()).as("released at the end").allMatch(h -> h.runLock == null);
        // Nothing lost: the build is complete and a re-run changes nothing.
        assertThat(apply(sim, ALICE).plan().toChange()).isZero();
    }

    @Test
    void aLockLeftByACrashedRunStopsAnApplyWithItsAgeAndPlanOnlySaysSo() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.dc.requireHost("HV03").runLock = new RunLockMark("run-x", "CORP\\carol", "ADMIN03", "2026-03-02T05:30:00Z");

        Workflow.Outcome out = apply(sim, ALICE);
        assertThat(out.ending()).isEqualTo(Workflow.Ending.LOCKED);
        assertThat(out.summary()).isEqualTo("cannot apply: HV03 is locked by CORP\\carol on ADMIN03 since 2026-03-02T05:30:00Z"
                + " (run run-x), taken 2h30m ago. If no run is active any more: hvcluster unlock " + sim.inventory.source()
                + " --run run-x; nothing was changed");
        assertThat(sim.executed).as("nothing ran, not even a lock script").isEmpty();

        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            Workflow.Outcome planned = new Workflow(runner, true, YES).run(Workflow.Goal.PLAN);
            assertThat(planned.ending()).isEqualTo(Workflow.Ending.PLANNED);
        }
        assertThat(sim.notices).filteredOn(n -> n.kind() == NoticeKind.RUN_LOCK).singleElement().satisfies(n -> {
            assertThat(n.host()).isEqualTo("HV03");
            assertThat(n.message()).contains("locked by CORP\\carol", "taken 2h30m ago", "an apply may be changing it now");
        });
        assertThat(sim.dc.requireHost("HV03").runLock.runId()).as("plan never takes or removes it").isEqualTo("run-x");
    }

    @Test
    void aPartialAcquireReleasesWhatItTookAndUnlockRemovesOnlyTheRunShown() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        WindowsHost hv03 = sim.dc.requireHost("HV03");
        hv03.runLock = BOB;
        try (PipelineRunner runner = sim.runner(RebootStrategy.AUTO, Duration.ofMinutes(30), false, null)) {
            RunLock lock = runner.runLock(ALICE);
            assertThatThrownBy(lock::acquire).isInstanceOf(RunLock.LockedException.class)
                    .hasMessageStartingWith("cannot apply: HV03 is locked by CORP\\bob on ADMIN02");
            assertThat(sim.dc.hosts.values()).filteredOn(h -> h != hv03).allMatch(h -> h.runLock == null);
            assertThat(sim.executed).contains("run-lock/acquire@HV01", "run-lock/release@HV01", "run-lock/acquire@HV03")
                    .doesNotContain("run-lock/release@HV03");

            assertThat(runner.runLock(ALICE).forceRelease(java.util.Map.of("HV03", ALICE)))
                    .as("a lock of another run than the one shown stays").containsKey("HV03");
            assertThat(hv03.runLock).isEqualTo(BOB);
            assertThat(runner.runLock(ALICE).forceRelease(java.util.Map.of("HV03", BOB))).isEmpty();
            assertThat(hv03.runLock).isNull();
        }
    }

    @Test
    void aFailedRunReleasesTheLockToo() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.dc.requireHost("HV02").faults.failingSteps.put("configure-addresses", "injected: the address is in use");
        Workflow.Outcome out = apply(sim, ALICE);
        assertThat(out.ending()).isEqualTo(Workflow.Ending.APPLIED);
        assertThat(out.result().anyFailed()).isTrue();
        assertThat(sim.executed).contains("run-lock/acquire@HV04", "run-lock/release@HV04");
        assertThat(sim.dc.hosts.values()).allMatch(h -> h.runLock == null);
    }

    @Test
    void theSimulatedHostsKeepTheLockInTheirSavedState(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        sim.dc.requireHost("HV02").runLock = ALICE;
        io.hvcluster.sim.host.DatacenterStore store = new io.hvcluster.sim.host.DatacenterStore(tmp);
        store.save(sim.dc);
        assertThat(store.load(io.hvcluster.sim.host.Latencies.fast()).orElseThrow().requireHost("HV02").runLock).isEqualTo(ALICE);
    }
}
