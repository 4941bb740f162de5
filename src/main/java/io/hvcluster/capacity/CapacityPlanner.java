package io.hvcluster.capacity;

import io.hvcluster.inventory.CapacitySpec;
import io.hvcluster.inventory.CapacitySpec.VmGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Sizes a Hyper-V failover cluster: RAM with the failover reserve hosts down, vCPU : logical processor
 * ratios, and the SAN. Pure arithmetic, no I/O; docs/capacity.md gives every formula and its source.
 *
 * <p>Sizes are doubles (GB); counts of VMs, vCPUs and logical processors are longs, so no realistic
 * input overflows. The model is aggregate: it checks that each VM fits on one host and that the
 * cluster's total fits, but it does not bin-pack VMs onto hosts.
 */
public final class CapacityPlanner {

    /** A warning when the reserve-down vCPU : LP ratio is above this share of the limit. */
    static final double CPU_WARNING_SHARE = 0.75;
    /** A warning when more than this share of the reserve-down RAM is used (Azure Stack Hub alerts at 85%). */
    static final double MEMORY_WARNING_PERCENT = 85.0;
    /** Relative slack for comparisons, so that a demand exactly at a limit is not lost to rounding. */
    static final double TOLERANCE = 1e-9;

    private CapacityPlanner() {
    }

    /**
     * @param spec      the inventory's capacity section
     * @param hostCount the number of hosts in the inventory
     * @throws InvalidCapacitySpecException when a value cannot be planned with (negative, 100% free space)
     */
    public static CapacityReport plan(CapacitySpec spec, int hostCount) {
        CapacitySpecCheck.requireValid(spec, hostCount);

        int usableHostCount = Math.max(0, hostCount - spec.failoverReserveHosts());
        double usableMemoryGb = Math.max(0.0, spec.hostMemoryGb() - spec.parentReserveGb());
        CapacityReport.Hosts hosts = new CapacityReport.Hosts(hostCount, spec.failoverReserveHosts(), usableHostCount,
                spec.hostMemoryGb(), spec.parentReserveGb(), usableMemoryGb, spec.hostLogicalProcessors());

        double vmMemoryGb = 0;
        double overheadGb = 0;
        double demandGb = 0;
        double diskGb = 0;
        long vcpus = 0;
        for (VmGroup g : spec.vmGroups()) {
            vmMemoryGb += g.count() * g.memoryGb();
            overheadGb += g.count() * HyperVMemoryOverhead.gigabytes(g.memoryGb());
            demandGb += g.count() * hostRamPerVm(g);
            diskGb += g.count() * g.diskGb();
            vcpus = addVcpus(vcpus, (long) g.count() * g.vcpus());
        }

        double supplyAllGb = hostCount * usableMemoryGb;
        double supplyDownGb = usableHostCount * usableMemoryGb;
        double headroomGb = supplyDownGb - demandGb;
        CapacityReport.Memory memory = new CapacityReport.Memory(vmMemoryGb, overheadGb, demandGb, supplyAllGb,
                supplyDownGb, headroomGb, percentOf(headroomGb, supplyDownGb), percentOf(demandGb, supplyAllGb),
                percentOf(demandGb, supplyDownGb), MEMORY_WARNING_PERCENT);

        long lpAll = (long) hostCount * spec.hostLogicalProcessors();
        long lpDown = (long) usableHostCount * spec.hostLogicalProcessors();
        double maxRatio = spec.maxVcpuPerLogicalProcessor();
        CapacityReport.Cpu cpu = new CapacityReport.Cpu(vcpus, lpAll, lpDown, ratio(vcpus, lpAll), ratio(vcpus, lpDown),
                maxRatio, maxRatio * CPU_WARNING_SHARE);

        double subtotalGb = diskGb + vmMemoryGb + spec.isoLibraryGb();
        double totalGb = subtotalGb / (1.0 - spec.freeSpacePercent() / 100.0);
        CapacityReport.Storage storage = new CapacityReport.Storage(diskGb, vmMemoryGb, spec.isoLibraryGb(),
                subtotalGb, spec.freeSpacePercent(), totalGb - subtotalGb, totalGb);

        double vcpuRoom = maxRatio * lpDown - vcpus;
        List<CapacityReport.Group> groups = new ArrayList<>();
        for (VmGroup g : spec.vmGroups()) {
            groups.add(new CapacityReport.Group(g.name(), g.count(), g.memoryGb(),
                    HyperVMemoryOverhead.megabytes(g.memoryGb()), hostRamPerVm(g), g.vcpus(), g.diskGb(),
                    g.count() * hostRamPerVm(g), (long) g.count() * g.vcpus(), g.count() * g.diskGb(),
                    additionalVms(g, hosts, headroomGb, vcpuRoom)));
        }
        CapacityReport.Growth growth = growth(groups);

        List<Finding> findings = new CapacityFindings(spec, hosts, groups, memory, cpu).all();
        return new CapacityReport(hosts, groups, memory, cpu, storage, growth, findings);
    }

    static double hostRamPerVm(VmGroup g) {
        return g.memoryGb() + HyperVMemoryOverhead.gigabytes(g.memoryGb());
    }

    /** Limited by RAM headroom and by the vCPUs left under the ratio limit, both with the reserve hosts down. */
    private static long additionalVms(VmGroup g, CapacityReport.Hosts hosts, double headroomGb, double vcpuRoom) {
        boolean oneVmFitsOnAHost = hostRamPerVm(g) <= hosts.usableMemoryGb() * (1 + TOLERANCE)
                && g.vcpus() <= hosts.logicalProcessors();
        if (hosts.usable() == 0 || !oneVmFitsOnAHost || headroomGb <= 0 || vcpuRoom <= 0) {
            return 0;
        }
        double byRam = headroomGb / hostRamPerVm(g);
        double byCpu = vcpuRoom / g.vcpus();
        // Casting a huge double to long saturates at Long.MAX_VALUE instead of wrapping.
        return (long) Math.floor(Math.min(byRam, byCpu) + TOLERANCE);
    }

    private static CapacityReport.Growth growth(List<CapacityReport.Group> groups) {
        Optional<CapacityReport.Group> largest = groups.stream()
                .filter(g -> g.count() > 0)
                .max(Comparator.comparingInt(CapacityReport.Group::count)
                        .thenComparingDouble(CapacityReport.Group::hostRamGbPerVm)
                        .thenComparing(g -> -groups.indexOf(g)));
        return new CapacityReport.Growth(largest.map(CapacityReport.Group::name),
                largest.map(CapacityReport.Group::additionalVmsThatFit).orElse(0L));
    }

    private static long addVcpus(long total, long more) {
        try {
            return Math.addExact(total, more);
        } catch (ArithmeticException e) {
            throw new InvalidCapacitySpecException(
                    List.of("capacity.vmGroups: the total vCPU count exceeds " + Long.MAX_VALUE));
        }
    }

    private static OptionalDouble percentOf(double part, double whole) {
        return whole > 0 ? OptionalDouble.of(part / whole * 100.0) : OptionalDouble.empty();
    }

    private static OptionalDouble ratio(long vcpus, long logicalProcessors) {
        return logicalProcessors > 0 ? OptionalDouble.of((double) vcpus / logicalProcessors) : OptionalDouble.empty();
    }
}
