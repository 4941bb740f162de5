package io.hvcluster.capacity;

import io.hvcluster.inventory.CapacitySpec;
import io.hvcluster.inventory.CapacitySpec.VmGroup;
import java.util.List;

/** Specs for the tests, built in code: the YAML loader is another package's business. */
final class CapacitySpecs {

    private CapacitySpecs() {
    }

    /**
     * The worked example of docs/capacity.md: 4 hosts (the host count is passed to the planner),
     * 384 GB and 48 LPs each, 8 GB parent reserve, N+2, 500 GB ISO library, 20% free, 4 vCPU/LP.
     */
    static CapacitySpec guideExample() {
        return new CapacitySpec(384, 48, 8, 2, 500, 20, 4, List.of(
                new VmGroup("web", 40, 8, 2, 80),
                new VmGroup("sql", 6, 64, 8, 500),
                new VmGroup("rdsh", 10, 32, 8, 120)));
    }

    /** Hosts of 256 GB (8 GB parent reserve, so 248 GB usable) and 32 LPs, no ISO library, 20% free, 4 vCPU/LP. */
    static CapacitySpec hosts256(int failoverReserve, VmGroup... groups) {
        return new CapacitySpec(256, 32, 8, failoverReserve, 0, 20, 4, List.of(groups));
    }

    /** {@code count} VMs of 16 GB, 4 vCPUs and 100 GB disk each: 16.1484375 GB on a host (152 MB overhead). */
    static VmGroup app(int count) {
        return new VmGroup("app", count, 16, 4, 100);
    }
}
