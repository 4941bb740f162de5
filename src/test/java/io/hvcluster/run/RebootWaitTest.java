package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.testing.InventoryFixtures;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A restart's wait asks the host again itself every poll interval: a probe that meets the host going down is "not back
 * yet", never retried with the executor's 2 s / 4 s backoff (which delayed noticing the host was back and printed
 * "lost the connection ... trying again" for a restart hvcluster asked for). Virtual time.
 */
class RebootWaitTest {

    @Test
    void aProbeThatMeetsTheHostGoingDownIsNotRetriedTheWaitPollsAgain() throws Exception {
        SimulatedRun sim = new SimulatedRun(InventoryFixtures.fourNodes());
        AtomicBoolean failed = new AtomicBoolean();
        sim.wrap = (host, inner) -> (script, timeout, sink) -> {
            boolean waiting = sim.notices.stream().anyMatch(n -> n.host().equals("HV02") && n.kind() == NoticeKind.WAITING);
            if (host.equals("HV02") && script.phase().equals("probe") && waiting && failed.compareAndSet(false, true)) {
                throw new ExecutionException(host, ExecutionException.Kind.CONNECTION_LOST,
                        "lost the connection to HV02 while running facts/probe (connection reset)", null, true, false);
            }
            return inner.run(script, timeout, sink);
        };

        SimulatedRun.Outcome out = sim.apply();

        assertThat(failed).as("the fault was injected during HV02's restart").isTrue();
        assertThat(out.result().summary()).contains("0 failed");
        assertThat(sim.notices).filteredOn(n -> n.host().equals("HV02"))
                .noneMatch(n -> n.kind() == NoticeKind.RECONNECTED)
                .anyMatch(n -> n.kind() == NoticeKind.WAITING && n.message().equals("down (connection lost), waiting"))
                .anyMatch(n -> n.kind() == NoticeKind.BACK_ONLINE);
    }
}
