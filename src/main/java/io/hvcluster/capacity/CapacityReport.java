package io.hvcluster.capacity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Every figure of a capacity plan and what the planner concluded. All sizes are GB (1 GB = 1024 MB)
 * unless a name says MB. A ratio or percentage whose denominator is zero (no usable host) is empty.
 *
 * @param hosts    the supply side: hosts, reserve, RAM and logical processors per host
 * @param groups   the demand of each VM group, in input order
 * @param memory   RAM demand against RAM supply with all hosts up and with the reserve hosts down
 * @param cpu      vCPU : logical processor ratios
 * @param storage  SAN size, term by term
 * @param growth   how many more VMs of the largest group would still fit
 * @param findings errors first, then warnings, then advice
 */
public record CapacityReport(
        Hosts hosts,
        List<Group> groups,
        Memory memory,
        Cpu cpu,
        Storage storage,
        Growth growth,
        List<Finding> findings) {

    public CapacityReport {
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(growth, "growth");
        groups = List.copyOf(groups);
        findings = List.copyOf(findings);
    }

    /** True when no finding is an error: every VM can run with the reserve hosts down. */
    public boolean fits() {
        return errors().isEmpty();
    }

    /** {@code FITS}, or {@code DOES NOT FIT: } followed by every error message. */
    public String verdict() {
        List<Finding> errors = errors();
        if (errors.isEmpty()) {
            return "FITS";
        }
        return "DOES NOT FIT: " + errors.stream().map(Finding::message).collect(Collectors.joining("; "));
    }

    private List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
    }

    /**
     * @param count             hosts in the inventory
     * @param failoverReserve   hosts that may be down (N+1 = 1, N+2 = 2)
     * @param usable            count − failoverReserve, never below 0
     * @param memoryGb          RAM per host
     * @param parentReserveGb   RAM per host kept for the management OS
     * @param usableMemoryGb    memoryGb − parentReserveGb, never below 0
     * @param logicalProcessors logical processors per host
     */
    public record Hosts(
            int count,
            int failoverReserve,
            int usable,
            double memoryGb,
            double parentReserveGb,
            double usableMemoryGb,
            int logicalProcessors) {
    }

    /**
     * @param name                 the group's label
     * @param count                VMs in the group
     * @param memoryGbPerVm        startup RAM of one VM
     * @param overheadMbPerVm      Hyper-V's overhead for one VM ({@link HyperVMemoryOverhead})
     * @param hostRamGbPerVm       memory + overhead: what one VM takes from a host
     * @param vcpusPerVm           virtual processors of one VM
     * @param diskGbPerVm          virtual disk of one VM
     * @param totalHostRamGb       count × hostRamGbPerVm
     * @param totalVcpus           count × vcpusPerVm
     * @param totalDiskGb          count × diskGbPerVm
     * @param additionalVmsThatFit more VMs like these that fit in RAM and CPU with the reserve hosts down
     */
    public record Group(
            String name,
            int count,
            double memoryGbPerVm,
            double overheadMbPerVm,
            double hostRamGbPerVm,
            int vcpusPerVm,
            double diskGbPerVm,
            double totalHostRamGb,
            long totalVcpus,
            double totalDiskGb,
            long additionalVmsThatFit) {
    }

    /**
     * @param vmMemoryGb                    Σ count × memory
     * @param overheadGb                    Σ count × overhead
     * @param demandGb                      vmMemoryGb + overheadGb
     * @param supplyAllHostsGb              hosts × usable RAM per host
     * @param supplyReserveDownGb           usable hosts × usable RAM per host: what must hold the demand
     * @param headroomGb                    supplyReserveDownGb − demandGb; negative when short
     * @param headroomPercent               headroomGb as a percentage of supplyReserveDownGb
     * @param utilisationAllHostsPercent    demandGb / supplyAllHostsGb
     * @param utilisationReserveDownPercent demandGb / supplyReserveDownGb
     * @param warningPercent                reserve-down utilisation above which a warning is given
     */
    public record Memory(
            double vmMemoryGb,
            double overheadGb,
            double demandGb,
            double supplyAllHostsGb,
            double supplyReserveDownGb,
            double headroomGb,
            OptionalDouble headroomPercent,
            OptionalDouble utilisationAllHostsPercent,
            OptionalDouble utilisationReserveDownPercent,
            double warningPercent) {
    }

    /**
     * @param vcpus                        Σ count × vcpus
     * @param logicalProcessorsAllHosts    hosts × LPs per host
     * @param logicalProcessorsReserveDown usable hosts × LPs per host
     * @param ratioAllHosts                vcpus / logicalProcessorsAllHosts
     * @param ratioReserveDown             vcpus / logicalProcessorsReserveDown: what must stay within the limit
     * @param maxRatio                     the highest acceptable ratio (maxVcpuPerLogicalProcessor)
     * @param warningRatio                 the ratio above which a warning is given (75% of maxRatio)
     */
    public record Cpu(
            long vcpus,
            long logicalProcessorsAllHosts,
            long logicalProcessorsReserveDown,
            OptionalDouble ratioAllHosts,
            OptionalDouble ratioReserveDown,
            double maxRatio,
            double warningRatio) {
    }

    /**
     * @param vmDisksGb        Σ count × disk
     * @param vmMemoryGb       Σ count × memory: each VM's .bin/.vsv reserves its RAM on disk
     * @param isoLibraryGb     the ISO/template library
     * @param subtotalGb       vmDisksGb + vmMemoryGb + isoLibraryGb
     * @param freeSpacePercent free space kept on the CSVs
     * @param freeSpaceGb      totalGb − subtotalGb
     * @param totalGb          subtotalGb / (1 − freeSpacePercent / 100): the SAN size to provision
     */
    public record Storage(
            double vmDisksGb,
            double vmMemoryGb,
            double isoLibraryGb,
            double subtotalGb,
            double freeSpacePercent,
            double freeSpaceGb,
            double totalGb) {
    }

    /**
     * @param largestGroup  the group with the most VMs (ties: the bigger VM, then the first listed);
     *                      empty when there are no VMs
     * @param additionalVms more VMs of that group that fit with the reserve hosts down
     */
    public record Growth(Optional<String> largestGroup, long additionalVms) {
    }
}
