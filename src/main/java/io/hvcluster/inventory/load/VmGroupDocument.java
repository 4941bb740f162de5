package io.hvcluster.inventory.load;

/** One entry of {@code capacity.vmGroups} as read. */
record VmGroupDocument(
        Anchor at,
        Located<String> name,
        Located<Long> count,
        Located<Double> memoryGb,
        Located<Long> vcpus,
        Located<Double> diskGb) {
}
