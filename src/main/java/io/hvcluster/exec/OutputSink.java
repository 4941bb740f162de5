package io.hvcluster.exec;

/** Receives output lines as they arrive, for live progress. Implementations must be thread-safe. */
@FunctionalInterface
public interface OutputSink {

    enum Stream { STDOUT, STDERR }

    void line(Stream stream, String text);

    static OutputSink discard() {
        return (s, t) -> { };
    }
}
