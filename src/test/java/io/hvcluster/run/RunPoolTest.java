package io.hvcluster.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The run's one pool on virtual time: bounded, tasks submitted together start at one instant, follow-ups
 * without a gap, no stall when tasks wait for a slot.
 */
class RunPoolTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void tasksBeyondTheSlotsWaitWithoutStallingVirtualTime() throws Exception {
        VirtualTime time = new VirtualTime(START);
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Instant> ends = new CopyOnWriteArrayList<>();
        try (RunPool pool = new RunPool(2, time)) {
            pool.submitting(() -> {
                for (int i = 0; i < 5; i++) {
                    pool.submit(() -> {
                        most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                        time.sleep(Duration.ofMinutes(10));
                        atOnce.decrementAndGet();
                        ends.add(time.now());
                    });
                }
            });
            pool.awaitIdle();
        }
        assertThat(most.get()).isEqualTo(2);
        // Two at a time: waves end at 10, 20 and 30 minutes.
        assertThat(ends).hasSize(5).containsOnly(START.plus(Duration.ofMinutes(10)), START.plus(Duration.ofMinutes(20)),
                START.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aFollowUpStartsBeforeTimeCanPassAndAFailureIsRethrown() throws Exception {
        VirtualTime time = new VirtualTime(START);
        List<Instant> seen = new CopyOnWriteArrayList<>();
        try (RunPool pool = new RunPool(2, time)) {
            // Submitted together: the sleeper cannot move time before the second task (and its follow-up) ran.
            pool.submitting(() -> {
                pool.submit(() -> time.sleep(Duration.ofHours(1)));
                pool.submit(() -> pool.submit(() -> seen.add(time.now())));
            });
            pool.awaitIdle();
            assertThat(seen).containsExactly(START);

            pool.submit(() -> {
                throw new IllegalStateException("boom");
            });
            assertThatThrownBy(pool::awaitIdle).hasMessage("boom");
        }
    }
}
