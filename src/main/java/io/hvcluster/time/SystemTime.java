package io.hvcluster.time;

import java.time.Duration;
import java.time.Instant;

/** The wall clock; sleeping really sleeps. */
final class SystemTime implements TimeSource {

    static final SystemTime INSTANCE = new SystemTime();

    private SystemTime() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (!d.isNegative() && !d.isZero()) {
            Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
        }
    }

    @Override
    public Runnable track(Runnable task) {
        return task;
    }
}
