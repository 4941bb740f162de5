package io.hvcluster.sim.host;

import java.time.Duration;
import java.time.Instant;

/** Simulated time: the wall clock for a live simulator, a manual clock for fast, deterministic tests. */
public interface SimulationClock {

    Instant now();

    /** Lets {@code d} pass (a real sleep, or advancing a manual clock). */
    void sleep(Duration d);

    static SimulationClock system() {
        return new SimulationClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration d) {
                try {
                    Thread.sleep(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while simulating a delay", e);
                }
            }
        };
    }
}
