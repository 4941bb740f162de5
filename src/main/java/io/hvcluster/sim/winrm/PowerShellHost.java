package io.hvcluster.sim.winrm;

/**
 * What a PowerShell script does on the simulated host. The simulator does not interpret PowerShell: a host
 * model recognises the scripts it knows (hvcluster's own rendered templates) and returns their effect.
 * Throwing an exception is reported like a terminating PowerShell error: its message goes to stderr as CLIXML
 * and the exit code is 1.
 */
@FunctionalInterface
public interface PowerShellHost {

    PowerShellResult run(PowerShellInvocation invocation) throws Exception;
}
