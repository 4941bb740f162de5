package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.RunLockMark;
import io.hvcluster.sim.host.DatacenterStore;
import io.hvcluster.sim.host.Latencies;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.testing.InProcessCli.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock through the CLI on the simulated hosts over real WinRM: a lock a killed run left (in the simulator's
 * saved state) makes plan and facts say so, stops apply with exit 1 and the holder, and `unlock` removes it; then the
 * apply builds and leaves no lock.
 */
class UnlockCommandTest {

    private static final RunLockMark LEFT = new RunLockMark("run-x", "CORP\\carol", "ADMIN03", "2026-03-02T05:30:00Z");

    @Test
    void aLeftLockIsReportedRefusesApplyAndUnlockRemovesIt(@TempDir Path tmp) {
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        String inv = "inventories/lab-2node.yaml";
        Run facts = hvcluster("facts", inv, "--simulate-fresh", "--simulator-state", state);
        assertThat(facts.exit()).as(facts.err()).isZero();
        DatacenterStore store = new DatacenterStore(Path.of(state));
        SimulatedDatacenter dc = store.load(Latencies.fast()).orElseThrow();
        dc.requireHost("HV02").runLock = LEFT;
        store.save(dc);

        facts = hvcluster("facts", inv, "--simulate", "--simulator-state", state);
        assertThat(facts.err()).contains("note: HV02 is locked by CORP\\carol on ADMIN03 since 2026-03-02T05:30:00Z (run run-x), taken ");
        assertThat(facts.out()).contains("\"runLock\"", "\"run-x\"");

        Run plan = hvcluster("plan", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.err()).contains("HV02", "locked by CORP\\carol on ADMIN03", "an apply may be changing it now");

        Run refused = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot apply: HV02 is locked by CORP\\carol on ADMIN03 since 2026-03-02T05:30:00Z (run run-x), taken ",
                "hvcluster unlock inventories/lab-2node.yaml --run run-x").doesNotContain("Exception", "\tat ");

        Run other = hvcluster("unlock", inv, "--simulate", "--simulator-state", state, "--run", "run-y", "--yes");
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).contains("No host holds the lock of run run-y.");

        Run unlock = hvcluster("unlock", inv, "--simulate", "--simulator-state", state, "--yes");
        assertThat(unlock.exit()).as(unlock.err()).isZero();
        assertThat(unlock.out()).contains("HV02: locked by CORP\\carol on ADMIN03 since 2026-03-02T05:30:00Z (run run-x), taken ",
                "removed the run lock on HV02");
        assertThat(store.load(Latencies.fast()).orElseThrow().requireHost("HV02").runLock).isNull();

        Run apply = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(store.load(Latencies.fast()).orElseThrow().hosts.values()).allMatch(h -> h.runLock == null);
    }

    @Test
    void aBurnInDoesNotStartWhileAnotherRunHoldsTheLockAndReleasesItsOwn(@TempDir Path tmp) {
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        String inv = "inventories/lab-2node.yaml";
        Run apply = hvcluster("apply", inv, "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();
        DatacenterStore store = new DatacenterStore(Path.of(state));
        SimulatedDatacenter dc = store.load(Latencies.fast()).orElseThrow();
        dc.requireHost("HV02").runLock = LEFT;
        store.save(dc);

        Run refused = hvcluster("verify", inv, "--burn-in", "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(refused.exit()).as(refused.err()).isEqualTo(1);
        assertThat(refused.out()).contains("not started: HV02 is locked by CORP\\carol on ADMIN03", "hvcluster unlock " + inv)
                .doesNotContain("Burn-in on HV01");

        dc = store.load(Latencies.fast()).orElseThrow();
        dc.requireHost("HV02").runLock = null;
        store.save(dc);
        Run ran = hvcluster("verify", inv, "--burn-in", "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(ran.exit()).as(ran.err() + ran.out()).isZero();
        assertThat(ran.out()).contains("Burn-in on HV01");
        dc = store.load(Latencies.fast()).orElseThrow();
        assertThat(dc.hosts.values()).as("the burn-in released its lock").allMatch(h -> h.runLock == null);
    }
}
