package io.hvcluster.inventory;

import java.util.List;

/**
 * Sizing data for `hvcluster capacity` (optional inventory section).
 *
 * @param hostMemoryGb          RAM per host, GB
 * @param hostLogicalProcessors logical processors per host
 * @param parentReserveGb       RAM kept for the parent partition (management OS) per host, GB
 * @param failoverReserveHosts  how many hosts may be down while everything still runs (N+1 = 1, N+2 = 2)
 * @param isoLibraryGb          space for the ISO/template library on the SAN, GB
 * @param freeSpacePercent      free space kept on every CSV, percent of the total
 * @param maxVcpuPerLogicalProcessor the highest acceptable vCPU : LP ratio
 * @param vmGroups              the VMs to run, in groups of identical machines
 */
public record CapacitySpec(
        double hostMemoryGb,
        int hostLogicalProcessors,
        double parentReserveGb,
        int failoverReserveHosts,
        double isoLibraryGb,
        double freeSpacePercent,
        double maxVcpuPerLogicalProcessor,
        List<VmGroup> vmGroups) {

    public CapacitySpec {
        vmGroups = List.copyOf(vmGroups);
    }

    /**
     * Identical virtual machines.
     *
     * @param name     a label for the report ("web", "sql")
     * @param count    how many
     * @param memoryGb startup RAM per VM, GB
     * @param vcpus    virtual processors per VM
     * @param diskGb   virtual disk size per VM, GB
     */
    public record VmGroup(String name, int count, double memoryGb, int vcpus, double diskGb) {
    }
}
