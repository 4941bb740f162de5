package io.hvcluster.exec;

import java.time.Duration;

/**
 * Runs scripts on one host. Implementations: WinRM (OverThere), dry run (writes the scripts), the
 * in-process simulator, and test fakes. One instance per host, reused across steps, closed by the runner.
 */
public interface ScriptExecutor extends AutoCloseable {

    /**
     * Runs one script and waits for it.
     *
     * @param timeout how long the whole script may take before it is abandoned
     * @throws ExecutionException when the script could not be run or its result not read
     *         (a script that ran and failed returns a result with a non-zero exit code instead)
     */
    ScriptResult run(Script script, Duration timeout, OutputSink sink);

    @Override
    default void close() {
    }
}
