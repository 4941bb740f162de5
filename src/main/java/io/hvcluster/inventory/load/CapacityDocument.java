package io.hvcluster.inventory.load;

import java.util.List;

/** {@code capacity:} as read. */
record CapacityDocument(
        Anchor at,
        Located<Double> hostMemoryGb,
        Located<Long> hostLogicalProcessors,
        Located<Double> parentReserveGb,
        Located<Long> failoverReserve,
        Located<Double> isoLibraryGb,
        Located<Double> freeSpacePercent,
        Located<Double> maxVcpuPerLogicalProcessor,
        Anchor vmGroupsAt,
        List<VmGroupDocument> vmGroups) {
}
