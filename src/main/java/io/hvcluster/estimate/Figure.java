package io.hvcluster.estimate;

import java.time.Duration;

/**
 * One timing of real hardware: the usual value and the range it is seen in, with where that comes from
 * (docs/performance.md has the sources in full).
 *
 * @param name    what is timed ("POST (power-on self-test)")
 * @param low     the fastest seen or documented
 * @param typical what to expect on a current rack server
 * @param high    the slowest seen or documented short of a fault
 * @param source  a short pointer to the source (the row in docs/performance.md)
 */
public record Figure(String name, Duration low, Duration typical, Duration high, String source) {

    public Figure {
        if (low.compareTo(typical) > 0 || typical.compareTo(high) > 0) {
            throw new IllegalArgumentException(name + ": low <= typical <= high is required");
        }
    }

    static Figure seconds(String name, double low, double typical, double high, String source) {
        return new Figure(name, ofSeconds(low), ofSeconds(typical), ofSeconds(high), source);
    }

    static Figure minutes(String name, double low, double typical, double high, String source) {
        return seconds(name, low * 60, typical * 60, high * 60, source);
    }

    private static Duration ofSeconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
