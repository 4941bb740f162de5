package io.hvcluster.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Virtual time with several threads: sleepers wake at exactly their own virtual instant, never later because
 * another thread slept meanwhile (a clock that adds every sleep to one counter would), and time does not
 * move while tracked work that is not asleep remains.
 */
class VirtualTimeTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void concurrentSleepersEachWakeAtTheirOwnInstant() throws Exception {
        VirtualTime time = new VirtualTime(START);
        Map<String, List<Instant>> woke = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            // Every task is tracked before any starts, as the run's pool does: else the first could move time alone.
            List<Runnable> tasks = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int minutes = i;
                List<Instant> mine = new CopyOnWriteArrayList<>();
                woke.put("t" + i, mine);
                tasks.add(time.track(() -> {
                    for (int round = 0; round < 3; round++) {
                        try {
                            time.sleep(Duration.ofMinutes(minutes));
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        mine.add(time.now());
                    }
                }));
            }
            tasks.forEach(threads::execute);
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }
        for (int i = 1; i <= 4; i++) {
            Duration step = Duration.ofMinutes(i);
            assertThat(woke.get("t" + i)).containsExactly(START.plus(step), START.plus(step.multipliedBy(2)), START.plus(step.multipliedBy(3)));
        }
        assertThat(time.now()).isEqualTo(START.plus(Duration.ofMinutes(12)));
    }

    @Test
    void timeWaitsForTrackedWorkThatIsNotAsleep() throws Exception {
        VirtualTime time = new VirtualTime(START);
        Runnable queued = time.track(() -> { });
        // A thread that sleeps while tracked work is pending (queued, not yet started) does not move time.
        Thread sleeper = new Thread(() -> time.advance(Duration.ofMinutes(5)));
        sleeper.start();
        sleeper.join(300);
        assertThat(sleeper.isAlive()).as("woke although tracked work had not run").isTrue();
        assertThat(time.now()).isEqualTo(START);
        queued.run();
        sleeper.join(60_000);
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(time.now()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aLoneThreadAdvancesAtOnce() {
        VirtualTime time = new VirtualTime(START);
        time.advance(Duration.ofHours(2));
        time.advance(Duration.ZERO);
        assertThat(time.now()).isEqualTo(START.plus(Duration.ofHours(2)));
    }
}
