package io.hvcluster.sim.winrm;

import java.time.Duration;
import java.util.Objects;

/**
 * The effect of a script as the client sees it.
 *
 * @param stdout   text written to stdout (use CRLF line ends, as PowerShell's host does)
 * @param stderr   text written to stderr
 * @param exitCode the process exit code
 * @param duration how long the script pretends to run; output appears and the command ends after it
 */
public record PowerShellResult(String stdout, String stderr, int exitCode, Duration duration) {

    public PowerShellResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }

    public static PowerShellResult success(String stdout) {
        return new PowerShellResult(stdout, "", 0, Duration.ZERO);
    }

    /** A terminating error with this message: CLIXML on stderr, exit code 1, as {@code powershell.exe} does. */
    public static PowerShellResult failure(String message) {
        return new PowerShellResult("", Clixml.errorRecord(message), 1, Duration.ZERO);
    }

    public PowerShellResult lasting(Duration newDuration) {
        return new PowerShellResult(stdout, stderr, exitCode, newDuration);
    }
}
