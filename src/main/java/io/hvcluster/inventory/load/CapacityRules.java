package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.check.Problems;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Rules for the optional {@code capacity} section: sane numbers, and VMs that fit on a host at all. */
final class CapacityRules {

    static final double DEFAULT_PARENT_RESERVE_GB = 8;
    static final int DEFAULT_FAILOVER_RESERVE = 1;
    static final double DEFAULT_ISO_LIBRARY_GB = 0;
    static final double DEFAULT_FREE_SPACE_PERCENT = 20;
    static final double DEFAULT_MAX_VCPU_PER_LP = 8;

    private CapacityRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        CapacityDocument c = d.capacity();
        if (c == null) {
            return;
        }
        boolean memoryOk = positive(c.hostMemoryGb(), problems);
        boolean processorsOk = atLeastOne(c.hostLogicalProcessors(), problems);
        boolean reserveOk = notNegative(c.parentReserveGb(), problems);
        double memory = memoryOk ? c.hostMemoryGb().value() : Double.NaN;
        double reserve = Located.valueOr(c.parentReserveGb(), DEFAULT_PARENT_RESERVE_GB);
        if (memoryOk && reserveOk && reserve >= memory) {
            Located<Double> at = c.parentReserveGb() != null ? c.parentReserveGb() : c.hostMemoryGb();
            problems.add(at.error("the parent reserve of " + plain(reserve) + " GB leaves no memory for VMs on a "
                    + plain(memory) + " GB host"));
        }
        failoverReserve(c, d.hosts().size(), problems);
        notNegative(c.isoLibraryGb(), problems);
        if (c.freeSpacePercent() != null && (c.freeSpacePercent().value() < 0 || c.freeSpacePercent().value() >= 100)) {
            problems.add(c.freeSpacePercent().error("must be at least 0 and below 100"));
        }
        positive(c.maxVcpuPerLogicalProcessor(), problems);
        if (c.vmGroups().isEmpty() && c.vmGroupsAt() != null) {
            problems.add(c.vmGroupsAt().error("needs at least one group of VMs"));
        }
        Map<String, VmGroupDocument> names = new HashMap<>();
        for (VmGroupDocument g : c.vmGroups()) {
            group(g, names, problems);
            if (processorsOk && g.vcpus() != null && g.vcpus().value() > c.hostLogicalProcessors().value()) {
                problems.add(g.vcpus().error("a VM with " + g.vcpus().value() + " vCPUs cannot run on a host with "
                        + c.hostLogicalProcessors().value() + " logical processors"));
            }
            if (memoryOk && reserve < memory && g.memoryGb() != null && g.memoryGb().value() > memory - reserve) {
                problems.add(g.memoryGb().error("a VM with " + plain(g.memoryGb().value()) + " GB fits on no host ("
                        + plain(memory) + " GB minus " + plain(reserve) + " GB for the parent partition)"));
            }
        }
    }

    private static void failoverReserve(CapacityDocument c, int hosts, Problems problems) {
        Located<Long> reserve = c.failoverReserve();
        if (reserve == null) {
            return;
        }
        if (reserve.value() < 0) {
            problems.add(reserve.error("must be 0 or more"));
        } else if (hosts >= HostRules.MIN_NODES && reserve.value() >= hosts) {
            problems.add(reserve.error("N+" + reserve.value() + " needs more than " + reserve.value()
                    + " hosts; the inventory has " + hosts));
        }
    }

    private static void group(VmGroupDocument g, Map<String, VmGroupDocument> names, Problems problems) {
        if (g.name() != null) {
            if (g.name().value().isBlank()) {
                problems.add(g.name().error("must not be empty"));
            } else {
                VmGroupDocument first = names.putIfAbsent(g.name().value().toLowerCase(Locale.ROOT), g);
                if (first != null) {
                    problems.add(g.name().error("duplicate group name '" + ShownText.value(g.name().value()) + "' (" + first.at().path()
                            + ")"));
                }
            }
        }
        atLeastOne(g.count(), problems);
        positive(g.memoryGb(), problems);
        atLeastOne(g.vcpus(), problems);
        notNegative(g.diskGb(), problems);
    }

    private static boolean positive(Located<Double> v, Problems problems) {
        if (v != null && !(v.value() > 0)) {
            problems.add(v.error("must be greater than 0"));
            return false;
        }
        return v != null;
    }

    private static boolean notNegative(Located<Double> v, Problems problems) {
        if (v != null && v.value() < 0) {
            problems.add(v.error("must be 0 or more"));
            return false;
        }
        return true;
    }

    private static boolean atLeastOne(Located<Long> v, Problems problems) {
        if (v != null && v.value() < 1) {
            problems.add(v.error("must be at least 1"));
            return false;
        }
        return v != null;
    }

    /** 384.0 as "384", 1.5 as "1.5". */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
