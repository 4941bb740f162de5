package io.hvcluster.cli;

/** Every exit code the tool returns; the README lists them. */
public enum ExitCode {
    /** Success; for plan --detailed-exitcode: nothing would change. */
    OK(0),
    /** A step failed on at least one host. */
    STEP_FAILED(1),
    /** Invalid usage or invalid inventory. */
    INVALID_INPUT(2),
    /** plan --detailed-exitcode: changes are pending. */
    CHANGES_PENDING(3),
    /** A bug or an unexpected environment problem. */
    INTERNAL_ERROR(4),
    /** Ctrl-C during a run (128 + SIGINT): the summary and the report say what had happened by then. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
