package io.hvcluster.estimate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Picks a value for a {@link Figure}: the typical value, or a seeded random value in its range (triangular
 * around the typical value), so a benchmark is not one lucky path and still gives the same numbers on every run.
 * The value depends only on the seed and the key (host, what, which time), never on the order of the calls, so
 * threads may ask in any order.
 */
public final class Spread {

    private final Long seed;

    private Spread(Long seed) {
        this.seed = seed;
    }

    /** Every figure at its typical value: what `plan` estimates with. */
    public static Spread typical() {
        return new Spread(null);
    }

    public static Spread seeded(long seed) {
        return new Spread(seed);
    }

    public boolean random() {
        return seed != null;
    }

    /** @param key what is being timed, e.g. "HV03/install-failover-clustering" or "HV03/restart#2" */
    public Duration pick(Figure f, String key) {
        if (seed == null) {
            return f.typical();
        }
        double u = new SplittableRandom(mix(seed, f.name() + "|" + key)).nextDouble();
        double a = f.low().toMillis();
        double c = f.typical().toMillis();
        double b = f.high().toMillis();
        if (b <= a) {
            return f.typical();
        }
        // Inverse CDF of the triangular distribution (a, c, b).
        double fc = (c - a) / (b - a);
        double x = u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
        return Duration.ofMillis(Math.round(x));
    }

    private static long mix(long seed, String key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        return h;
    }
}
