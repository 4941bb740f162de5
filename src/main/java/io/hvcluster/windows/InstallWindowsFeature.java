package io.hvcluster.windows;

/**
 * {@code Install-WindowsFeature -Name <name> [-IncludeManagementTools]}, never with {@code -Restart}: over WinRM the
 * restart would end the command before it reports; a step that needs the restart schedules it ({@link ShutdownRestart}).
 *
 * @param name                   the feature, by its Get-WindowsFeature name ("Failover-Clustering", "Hyper-V", "Multipath-IO")
 * @param includeManagementTools also install the feature's management tools (its PowerShell module)
 */
public record InstallWindowsFeature(String name, boolean includeManagementTools) implements WindowsOp {
}
