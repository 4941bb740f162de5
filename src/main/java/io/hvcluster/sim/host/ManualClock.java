package io.hvcluster.sim.host;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to (or when something "sleeps" on it): simulations finish instantly. */
public final class ManualClock implements SimulationClock {

    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration d) {
        now = now.plus(d);
    }

    public void advance(Duration d) {
        sleep(d);
    }
}
