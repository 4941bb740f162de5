package io.hvcluster.capacity;

import io.hvcluster.inventory.CapacitySpec;
import io.hvcluster.inventory.CapacitySpec.VmGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rejects values no plan can be made from. Collects every problem before failing, each with the
 * inventory path of the field, so the admin fixes them all in one pass.
 */
final class CapacitySpecCheck {

    private final List<String> problems = new ArrayList<>();

    private CapacitySpecCheck() {
    }

    static void requireValid(CapacitySpec spec, int hostCount) {
        CapacitySpecCheck check = new CapacitySpecCheck();
        check.run(spec, hostCount);
        if (!check.problems.isEmpty()) {
            throw new InvalidCapacitySpecException(check.problems);
        }
    }

    private void run(CapacitySpec spec, int hostCount) {
        if (hostCount < 0) {
            problems.add("hosts: the host count must not be negative (got " + hostCount + ")");
        }
        positive("capacity.hostMemoryGb", spec.hostMemoryGb());
        if (spec.hostLogicalProcessors() < 1) {
            problems.add("capacity.hostLogicalProcessors: must be at least 1 (got " + spec.hostLogicalProcessors() + ")");
        }
        notNegative("capacity.parentReserveGb", spec.parentReserveGb());
        if (spec.failoverReserveHosts() < 0) {
            problems.add("capacity.failoverReserveHosts: must not be negative (got " + spec.failoverReserveHosts() + ")");
        }
        notNegative("capacity.isoLibraryGb", spec.isoLibraryGb());
        double free = spec.freeSpacePercent();
        if (!Double.isFinite(free) || free < 0 || free >= 100) {
            problems.add("capacity.freeSpacePercent: must be at least 0 and below 100 (got " + free + ")");
        }
        positive("capacity.maxVcpuPerLogicalProcessor", spec.maxVcpuPerLogicalProcessor());
        Set<String> names = new HashSet<>();
        List<VmGroup> groups = spec.vmGroups();
        for (int i = 0; i < groups.size(); i++) {
            checkGroup("capacity.vmGroups[" + i + "]", groups.get(i), names);
        }
    }

    private void checkGroup(String path, VmGroup group, Set<String> names) {
        if (group == null) {
            problems.add(path + ": is empty");
            return;
        }
        if (group.name() == null || group.name().isBlank()) {
            problems.add(path + ".name: must not be blank");
        } else if (!names.add(group.name())) {
            problems.add(path + ".name: '" + group.name() + "' is used by another group");
        }
        if (group.count() < 0) {
            problems.add(path + ".count: must not be negative (got " + group.count() + ")");
        }
        positive(path + ".memoryGb", group.memoryGb());
        if (group.vcpus() < 1) {
            problems.add(path + ".vcpus: must be at least 1 (got " + group.vcpus() + ")");
        }
        notNegative(path + ".diskGb", group.diskGb());
    }

    private void positive(String path, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            problems.add(path + ": must be greater than 0 (got " + value + ")");
        }
    }

    private void notNegative(String path, double value) {
        if (!Double.isFinite(value) || value < 0) {
            problems.add(path + ": must not be negative (got " + value + ")");
        }
    }
}
