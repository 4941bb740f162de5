package io.hvcluster.facts;

import java.util.Arrays;
import java.util.List;

/**
 * The Windows features hvcluster installs or reads, by their Get-WindowsFeature names: the one list the facts
 * probe asks for, the steps install and the simulator models.
 */
public enum WindowsFeature {
    FAILOVER_CLUSTERING("Failover-Clustering", "RSAT-Clustering-PowerShell"),
    RSAT_CLUSTERING_POWERSHELL("RSAT-Clustering-PowerShell", null),
    HYPER_V("Hyper-V", "Hyper-V-PowerShell"),
    HYPER_V_POWERSHELL("Hyper-V-PowerShell", null),
    /** Multipath I/O with the Microsoft DSM: needed when a host has two or more paths to a LUN. */
    MULTIPATH_IO("Multipath-IO", null);

    private final String windowsName;
    private final String managementTools;

    WindowsFeature(String windowsName, String managementTools) {
        this.windowsName = windowsName;
        this.managementTools = managementTools;
    }

    /** The feature by its Windows name (Get-WindowsFeature compares names without regard to case). */
    public static java.util.Optional<WindowsFeature> byName(String windowsName) {
        return Arrays.stream(values()).filter(f -> f.windowsName.equalsIgnoreCase(windowsName)).findFirst();
    }

    /**
     * The management-tools feature {@code -IncludeManagementTools} adds (of those hvcluster reads), if any: the
     * module the later steps' cmdlets come from.
     */
    public java.util.Optional<WindowsFeature> managementTools() {
        return java.util.Optional.ofNullable(managementTools).flatMap(WindowsFeature::byName);
    }

    /** The name Install-WindowsFeature and Get-WindowsFeature take. */
    public String windowsName() {
        return windowsName;
    }

    /** Every feature's Windows name, in this order: what the facts probe reads. */
    public static List<String> windowsNames() {
        return Arrays.stream(values()).map(WindowsFeature::windowsName).toList();
    }
}
