package io.hvcluster.sim.winrm;

/**
 * Where a running command writes. Text is encoded in the shell's code page by the server, as Windows does
 * for console output. Thread-safe; calls after {@link #exit} are ignored.
 */
public interface CommandOutput {

    void stdout(String text);

    void stderr(String text);

    /** The command finished; Receive reports Done with this exit code once all output has been read. */
    void exit(int exitCode);
}
