package io.hvcluster.facts;

import java.util.Arrays;
import java.util.List;

/**
 * The Windows features hvcluster installs or reads, by their Get-WindowsFeature names: the one list the facts
 * probe asks for, the steps install and the simulator models.
 */
public enum WindowsFeature {
    FAILOVER_CLUSTERING("Failover-Clustering"),
    RSAT_CLUSTERING_POWERSHELL("RSAT-Clustering-PowerShell"),
    HYPER_V("Hyper-V"),
    HYPER_V_POWERSHELL("Hyper-V-PowerShell"),
    /** Multipath I/O with the Microsoft DSM: needed when a host has two or more paths to a LUN. */
    MULTIPATH_IO("Multipath-IO");

    private final String windowsName;

    WindowsFeature(String windowsName) {
        this.windowsName = windowsName;
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
