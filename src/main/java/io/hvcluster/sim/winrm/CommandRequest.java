package io.hvcluster.sim.winrm;

import java.util.Map;

/**
 * One WinRS {@code Command}: the command line as Windows would hand it to {@code cmd.exe /c} (Command and each
 * Arguments joined by a space), the options that change how it runs, and the shell it runs in.
 *
 * @param commandLine      Command + " " + each Arguments, exactly as received (OverThere's outer quotes included)
 * @param skipCmdShell     WINRS_SKIP_CMD_SHELL: start the executable directly instead of through cmd.exe
 * @param consoleModeStdin WINRS_CONSOLEMODE_STDIN: stdin is a console (true) rather than a pipe
 * @param environment      the shell's rsp:Environment variables
 * @param workingDirectory the shell's rsp:WorkingDirectory, or the user profile directory
 * @param machine          the simulated host the command runs on
 */
public record CommandRequest(
        String commandLine,
        boolean skipCmdShell,
        boolean consoleModeStdin,
        Map<String, String> environment,
        String workingDirectory,
        SimulatedMachine machine) {

    public CommandRequest {
        environment = Map.copyOf(environment);
    }
}
