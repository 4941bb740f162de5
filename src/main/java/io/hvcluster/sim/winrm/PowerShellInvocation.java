package io.hvcluster.sim.winrm;

import io.hvcluster.secrets.Secret;
import java.util.Map;

/**
 * One script handed to a {@link PowerShellHost}.
 *
 * @param script           the script text: the bootstrap payload's script, or the decoded {@code -EncodedCommand},
 *                         or the {@code -Command} text
 * @param secrets          the secrets that travelled in the bootstrap payload (empty otherwise)
 * @param bootstrap        true when the script arrived through hvcluster's bootstrap stdin framing
 * @param environment      the shell's environment variables
 * @param workingDirectory the working directory of the command
 * @param machine          the simulated host
 * @param logon            the WinRM logon the script runs in
 */
public record PowerShellInvocation(
        String script,
        Map<String, Secret> secrets,
        boolean bootstrap,
        Map<String, String> environment,
        String workingDirectory,
        SimulatedMachine machine,
        WinRmLogon logon) {

    public PowerShellInvocation {
        secrets = Map.copyOf(secrets);
        environment = Map.copyOf(environment);
    }

    /** An invocation whose logon does not matter (a Basic logon). */
    public PowerShellInvocation(String script, Map<String, Secret> secrets, boolean bootstrap, Map<String, String> environment,
            String workingDirectory, SimulatedMachine machine) {
        this(script, secrets, bootstrap, environment, workingDirectory, machine, WinRmLogon.basic(""));
    }

    @Override
    public String toString() {
        // The record's default toString would print secrets' names only (Secret masks its value), but the
        // script may be 200 KB: keep log lines short.
        return "PowerShellInvocation[bootstrap=" + bootstrap + ", scriptChars=" + script.length()
                + ", secrets=" + secrets.keySet() + ", host=" + machine.hostName() + "]";
    }
}
