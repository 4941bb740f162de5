package io.hvcluster.cli;

/**
 * A failure caused by the user's input or environment, shown as one line without a stack trace.
 * Core packages throw their own typed exceptions; the CLI maps them to this.
 */
public class UserException extends RuntimeException {

    private final ExitCode exitCode;

    public UserException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
