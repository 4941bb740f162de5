package io.hvcluster.capacity;

import static io.hvcluster.capacity.CapacityPlanner.TOLERANCE;
import static io.hvcluster.capacity.FigureFormat.gb;
import static io.hvcluster.capacity.FigureFormat.gbAtLeast;
import static io.hvcluster.capacity.FigureFormat.hosts;
import static io.hvcluster.capacity.FigureFormat.percent;
import static io.hvcluster.capacity.FigureFormat.ratio;

import io.hvcluster.capacity.Finding.Area;
import io.hvcluster.capacity.Finding.Severity;
import io.hvcluster.inventory.CapacitySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules that turn a plan's figures into findings. Severity:
 * <ul>
 *   <li>ERROR: something cannot run with the reserve hosts down (RAM or vCPU ratio over the limit,
 *       a VM bigger than a host, no usable host). The plan does not fit.</li>
 *   <li>WARNING: it fits but is close: reserve-down RAM above 85% used, the reserve-down vCPU ratio
 *       above 75% of the limit, or no failover reserve at all.</li>
 *   <li>INFO: advice (N+1 instead of the recommended N+2; no VMs to place).</li>
 * </ul>
 */
final class CapacityFindings {

    private static final double MEMORY_WARNING_FRACTION = CapacityPlanner.MEMORY_WARNING_PERCENT / 100.0;

    private final CapacitySpec spec;
    private final CapacityReport.Hosts hosts;
    private final List<CapacityReport.Group> groups;
    private final CapacityReport.Memory memory;
    private final CapacityReport.Cpu cpu;
    private final List<Finding> findings = new ArrayList<>();

    CapacityFindings(CapacitySpec spec, CapacityReport.Hosts hosts, List<CapacityReport.Group> groups,
            CapacityReport.Memory memory, CapacityReport.Cpu cpu) {
        this.spec = spec;
        this.hosts = hosts;
        this.groups = groups;
        this.memory = memory;
        this.cpu = cpu;
    }

    /** Every finding, errors first; within a severity in the order the rules run. */
    List<Finding> all() {
        failoverReserve();
        parentReserve();
        everyVmFitsOnAHost();
        if (hosts.usable() > 0 && hosts.usableMemoryGb() > 0) {
            memoryFits();
        }
        if (hosts.usable() > 0) {
            cpuFits();
        }
        if (totalVms() == 0) {
            add(Severity.INFO, Area.VM_GROUPS, "no VMs to place: the plan fits trivially",
                    "add vmGroups to the capacity section to size the cluster");
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return findings;
    }

    private void failoverReserve() {
        int reserve = hosts.failoverReserve();
        if (hosts.usable() == 0) {
            long needed = Math.max(reserve + 1L, Math.max(hostsNeededForMemory(), hostsNeededForCpu()));
            add(Severity.ERROR, Area.FAILOVER,
                    "failover reserve N+" + reserve + " leaves no usable host out of " + hosts(hosts.count()),
                    "add " + hosts(needed - hosts.count()) + " (" + needed + " in total), or lower failoverReserveHosts");
        } else if (reserve == 0) {
            add(Severity.WARNING, Area.FAILOVER,
                    "no failover reserve (N+0): when a host fails, its VMs may not restart elsewhere",
                    "set failoverReserveHosts to 2 (N+2, as the guide recommends) or at least 1, and plan again");
        } else if (reserve == 1) {
            add(Severity.INFO, Area.FAILOVER,
                    "N+1 survives one host failure, but not a failure while another host is down for patching",
                    "the guide recommends N+2: set failoverReserveHosts to 2 and plan again");
        }
    }

    private void parentReserve() {
        if (hosts.usableMemoryGb() <= 0) {
            add(Severity.ERROR, Area.MEMORY,
                    "the parent reserve of " + gb(hosts.parentReserveGb()) + " GB leaves no RAM for VMs on a "
                            + gb(hosts.memoryGb()) + " GB host",
                    "add RAM to every host, or lower parentReserveGb");
        }
    }

    private void everyVmFitsOnAHost() {
        for (CapacityReport.Group g : groups) {
            if (g.count() == 0) {
                continue;
            }
            if (g.vcpusPerVm() > hosts.logicalProcessors()) {
                add(Severity.ERROR, Area.VM_GROUPS,
                        "group '" + g.name() + "': a VM has " + g.vcpusPerVm() + " vCPUs but a host has "
                                + hosts.logicalProcessors() + " logical processors",
                        "reduce vCPUs of group '" + g.name() + "' to " + hosts.logicalProcessors()
                                + " or fewer, or use hosts with at least " + g.vcpusPerVm() + " logical processors");
            }
            if (hosts.usableMemoryGb() > 0 && g.hostRamGbPerVm() > hosts.usableMemoryGb() * (1 + TOLERANCE)) {
                add(Severity.ERROR, Area.VM_GROUPS,
                        "group '" + g.name() + "': a VM needs " + gb(g.hostRamGbPerVm()) + " GB with overhead but a host offers "
                                + gb(hosts.usableMemoryGb()) + " GB",
                        "reduce memory of group '" + g.name() + "' to "
                                + FigureFormat.plain(HyperVMemoryOverhead.largestVmFitting(hosts.usableMemoryGb()))
                                + " GB or less, or add " + gbAtLeast(g.hostRamGbPerVm() - hosts.usableMemoryGb())
                                + " GB RAM per host");
            }
        }
    }

    private void memoryFits() {
        double demand = memory.demandGb();
        double supply = memory.supplyReserveDownGb();
        String down = downPhrase();
        if (demand > supply * (1 + TOLERANCE)) {
            long needed = hostsNeededForMemory();
            double perHost = demand / hosts.usable() - hosts.usableMemoryGb();
            add(Severity.ERROR, Area.MEMORY,
                    "RAM " + down + ": need " + gb(demand) + " GB, have " + gb(supply) + " GB (short "
                            + gb(demand - supply) + " GB)",
                    "add " + hosts(needed - hosts.count()) + " (" + needed + " in total), or add "
                            + gbAtLeast(perHost) + " GB RAM per host");
        } else if (demand > supply * MEMORY_WARNING_FRACTION) {
            double perHost = demand / (hosts.usable() * MEMORY_WARNING_FRACTION) - hosts.usableMemoryGb();
            add(Severity.WARNING, Area.MEMORY,
                    "RAM " + down + " is " + percent(memory.utilisationReserveDownPercent().orElseThrow())
                            + " used, above " + percent(memory.warningPercent()),
                    "add a host, or add " + gbAtLeast(perHost) + " GB RAM per host to get back under "
                            + percent(memory.warningPercent()));
        }
    }


    private void cpuFits() {
        double ratioDown = cpu.ratioReserveDown().orElseThrow();
        String down = downPhrase();
        String biggest = groupWithMostVcpus();
        if (cpu.vcpus() > cpu.maxRatio() * cpu.logicalProcessorsReserveDown() * (1 + TOLERANCE)) {
            long needed = hostsNeededForCpu();
            long excess = cpu.vcpus() - (long) Math.floor(cpu.maxRatio() * cpu.logicalProcessorsReserveDown() + TOLERANCE);
            add(Severity.ERROR, Area.CPU,
                    "vCPU : LP ratio " + down + " is " + ratio(ratioDown) + ", above the limit of "
                            + ratio(cpu.maxRatio()) + " (" + cpu.vcpus() + " vCPUs on "
                            + cpu.logicalProcessorsReserveDown() + " LPs)",
                    "add " + hosts(needed - hosts.count()) + " (" + needed + " in total), or remove "
                            + FigureFormat.counted(excess, "vCPU") + ", e.g. reduce vCPUs of group '" + biggest + "'");
        } else if (ratioDown > cpu.warningRatio() * (1 + TOLERANCE)) {
            add(Severity.WARNING, Area.CPU,
                    "vCPU : LP ratio " + down + " is " + ratio(ratioDown) + ", above "
                            + percent(CapacityPlanner.CPU_WARNING_SHARE * 100) + " of the limit of " + ratio(cpu.maxRatio()),
                    "before adding VMs, add a host or reduce vCPUs of group '" + biggest + "'");
        }
    }

    /** Hosts for the RAM demand with the reserve down: ⌈demand / usable RAM per host⌉ + reserve. */
    private long hostsNeededForMemory() {
        if (hosts.usableMemoryGb() <= 0) {
            return 0;
        }
        return (long) Math.ceil(memory.demandGb() / hosts.usableMemoryGb() - TOLERANCE) + hosts.failoverReserve();
    }

    /** Hosts for the vCPUs within the ratio limit with the reserve down: ⌈vCPUs / (limit × LPs)⌉ + reserve. */
    private long hostsNeededForCpu() {
        double perHost = spec.maxVcpuPerLogicalProcessor() * hosts.logicalProcessors();
        return (long) Math.ceil(cpu.vcpus() / perHost - TOLERANCE) + hosts.failoverReserve();
    }

    private String downPhrase() {
        int reserve = hosts.failoverReserve();
        return reserve == 0 ? "with all hosts up" : "with " + hosts(reserve) + " down";
    }

    private String groupWithMostVcpus() {
        return groups.stream().max(Comparator.comparingLong(CapacityReport.Group::totalVcpus))
                .map(CapacityReport.Group::name).orElse("");
    }

    private long totalVms() {
        return groups.stream().mapToLong(CapacityReport.Group::count).sum();
    }

    private void add(Severity severity, Area area, String message, String fix) {
        findings.add(new Finding(severity, area, message, fix));
    }
}
