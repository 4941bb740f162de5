package io.hvcluster.sim.host;

import java.time.Duration;
import java.util.Optional;

/**
 * What running a script on a simulated host gave.
 *
 * @param exitCode     the process exit code (0 or 1 for hvcluster's scripts)
 * @param stdout       the script's stdout, CRLF line ends; the result JSON is its last line
 * @param stderr       diagnostics ("changed: ...", "warning: ...", "error: ...")
 * @param duration     how long the script takes on a real host, per {@link Latencies}
 * @param restartAfter set when the script scheduled a restart (shutdown.exe /r /t N): N as the script asked;
 *                     the caller schedules it (see {@link Latencies#shutdownDelay})
 */
public record ScriptOutcome(int exitCode, String stdout, String stderr, Duration duration, Optional<Duration> restartAfter) {

    public static ScriptOutcome failure(String stderr, Duration duration) {
        return new ScriptOutcome(1, "", stderr, duration, Optional.empty());
    }
}
