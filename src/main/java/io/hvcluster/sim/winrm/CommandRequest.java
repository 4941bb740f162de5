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
 * @param logon            the WinRM logon of the Command request (the second hop depends on it)
 */
public record CommandRequest(
        String commandLine,
        boolean skipCmdShell,
        boolean consoleModeStdin,
        Map<String, String> environment,
        String workingDirectory,
        SimulatedMachine machine,
        WinRmLogon logon) {

    public CommandRequest {
        environment = Map.copyOf(environment);
    }

    /** A command whose logon does not matter (a Basic logon). */
    public CommandRequest(String commandLine, boolean skipCmdShell, boolean consoleModeStdin, Map<String, String> environment,
            String workingDirectory, SimulatedMachine machine) {
        this(commandLine, skipCmdShell, consoleModeStdin, environment, workingDirectory, machine, WinRmLogon.basic(""));
    }
}
