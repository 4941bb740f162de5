package io.hvcluster.steps;

import io.hvcluster.facts.DiskIdentity;
import io.hvcluster.inventory.DiskSpec;

/**
 * How scripts find a shared disk: by serial number and/or unique id (device data every node can read),
 * never by disk number. The label names the cluster resource. Empty strings mean "not given" so that the
 * PowerShell side tests them with a plain truthiness check.
 */
public record DiskRef(String label, String serial, String uniqueId) {

    public static DiskRef of(DiskSpec d) {
        DiskIdentity id = DiskIdentity.of(d);
        return new DiskRef(d.label(), id.serial(), id.uniqueId());
    }

    /** How the planner and the simulator match it: the same rules as Find-HvcDisk. */
    public DiskIdentity identity() {
        return new DiskIdentity(serial, uniqueId);
    }
}
