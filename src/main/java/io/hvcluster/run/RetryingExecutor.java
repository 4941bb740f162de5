package io.hvcluster.run;

import io.hvcluster.bundle.RunLockScripts;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.time.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks again, a bounded number of times with backoff, when one WinRM exchange failed in a way that passes (a
 * WS-Management fault answered with HTTP 500, a reset connection) — but only where asking again cannot change a host
 * twice: read-only probes, the run lock's scripts (they act only for their own run id), and a change whose command
 * provably did not start. A change that may have started is never retried here: the step re-reads the host and the
 * facts decide ({@link HostStepRun}). Waits sleep on the run's {@link TimeSource}, within the script's own timeout.
 */
final class RetryingExecutor implements ScriptExecutor {

    /** Tries in all, the first included. */
    static final int ATTEMPTS = 3;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);

    /** Where a retry is announced (a host notice). */
    @FunctionalInterface
    interface Progress {
        void retrying(String host, String message);
    }

    private final ScriptExecutor inner;
    private final String host;
    private final TimeSource time;
    private final Progress progress;

    RetryingExecutor(ScriptExecutor inner, String host, TimeSource time, Progress progress) {
        this.inner = inner;
        this.host = host;
        this.time = time;
        this.progress = progress;
    }

    @Override
    public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
        Instant deadline = time.now().plus(timeout);
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            Duration left = Duration.between(time.now(), deadline);
            try {
                return inner.run(script, attempt == 1 ? timeout : left, sink);
            } catch (ExecutionException e) {
                boolean again = attempt < ATTEMPTS && retrySafe(script, e) && time.now().plus(wait).isBefore(deadline);
                if (!again) {
                    throw attempt == 1 ? e : new ExecutionException(e.host(), e.kind(), e.getMessage() + " (tried " + attempt
                            + " times)", e.getCause(), e.transientFault(), e.notStarted());
                }
                progress.retrying(host, script.stepId() + "/" + script.phase() + ": " + e.getMessage() + "; "
                        + (e.notStarted() && !readOnly(script) ? "it had not started, so " : "") + "trying again in "
                        + wait.toSeconds() + " s (" + (attempt + 1) + " of " + ATTEMPTS + ")");
                try {
                    time.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** The same host without the retries, for a caller that asks again by itself (a restart's wait polls). */
    ScriptExecutor once() {
        return inner::run;
    }

    /** Whether running {@code script} again after {@code e} cannot change the host twice. */
    static boolean retrySafe(Script script, ExecutionException e) {
        if (!e.transientFault()) {
            return false;
        }
        return readOnly(script) || script.stepId().equals(RunLockScripts.ID) || e.notStarted();
    }

    private static boolean readOnly(Script script) {
        return script.phase().equals("probe");
    }

    @Override
    public void close() {
        inner.close();
    }
}
