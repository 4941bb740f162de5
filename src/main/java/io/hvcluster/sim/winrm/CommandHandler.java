package io.hvcluster.sim.winrm;

/**
 * Decides what a WinRS command does on the simulated host. The WS-Management server calls {@link #start} for
 * every {@code Command} request and feeds the returned {@link RunningCommand} the stdin of later {@code Send}
 * requests; the command reports output and its exit code through {@link CommandOutput}, from any thread, at
 * any time. {@link CmdShell} is the implementation that plays {@code cmd.exe} and {@code powershell.exe}.
 */
@FunctionalInterface
public interface CommandHandler {

    RunningCommand start(CommandRequest request, CommandOutput output);
}
