package io.hvcluster.exec;

/** Receives output lines as they arrive, for live progress. Implementations must be thread-safe. */
@FunctionalInterface
public interface OutputSink {

    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String text);

    /**
     * The remote script is alive but silent: the bootstrap's heartbeat line arrived (it is never passed to
     * {@link #line}). Long waits (Test-Cluster, a feature install) show their progress from these.
     */
    default void heartbeat() {
    }

    static OutputSink discard() {
        return (s, t) -> { };
    }
}
