package io.hvcluster.sim.host;

import io.hvcluster.steps.DiskRef;
import io.hvcluster.windows.AddClusterDisk;
import io.hvcluster.windows.RenameClusterResource;
import java.util.List;

/** templates/_lib/disks.ps1.vm: Find-HvcDisk, Get-HvcDiskResource, Add-HvcClusterDisk. */
final class ClusterDisks {

    private ClusterDisks() {
    }

    /** Find-HvcDisk: exactly one disk this host sees itself (Get-HvcLocalDisk) with that serial and/or unique id. */
    static GetDisk.Listed find(StepRun run, DiskRef ref) throws StepFailure {
        List<GetDisk.Listed> found = GetDisk.local(run.dc, run.host.name).stream()
                .filter(l -> ref.identity().matches(l.disk().serial, l.disk().uniqueId))
                .toList();
        if (found.size() != 1) {
            throw new StepFailure("disk '" + ref.label() + "' (serial '" + ref.serial() + "', unique id '" + ref.uniqueId()
                    + "'): expected exactly one on " + run.host.name + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Get-HvcDiskResource: the Physical Disk resources keyed to the disk (DiskIdGuid for GPT, DiskSignature for MBR). */
    static List<SimulatedCluster.DiskResource> resources(StepRun run, SimulatedCluster c, SimDisk disk) throws StepFailure {
        if (disk.guid.isEmpty() && disk.signature == 0) {
            throw new StepFailure("disk " + disk.serial.trim() + " is not initialized (partition style " + disk.partitionStyle
                    + ") on " + run.host.name + "; run the prepare-shared-disks step first (hvcluster apply runs it before validation)");
        }
        return resourceOf(c, disk).stream().toList();
    }

    /** The disk's resource, if the cluster holds it. */
    static java.util.Optional<SimulatedCluster.DiskResource> resourceOf(SimulatedCluster c, SimDisk disk) {
        return c.diskResources.stream().filter(r -> !disk.guid.isEmpty() ? r.diskIdGuid.equalsIgnoreCase(disk.guid)
                : r.diskSignature != 0 && r.diskSignature == disk.signature).findFirst();
    }

    /**
     * Add-HvcClusterDisk: the disk's resource, added ("Cluster Disk N") and renamed to the label if needed, through the
     * same cmdlet models a step's plan uses ({@link DiskCmdlets}).
     */
    static SimulatedCluster.DiskResource add(StepRun run, SimulatedCluster c, DiskRef ref) throws StepFailure {
        GetDisk.Listed listed = find(run, ref);
        List<SimulatedCluster.DiskResource> res = resources(run, c, listed.disk());
        if (res.isEmpty()) {
            ClusterCmdlets.addClusterDisk(run, new AddClusterDisk(listed.number().orElseThrow(), ref.label()));
        } else {
            ClusterCmdlets.renameClusterResource(run, new RenameClusterResource(res.get(0).name, ref.label()));
        }
        return resourceOf(c, listed.disk()).orElseThrow();
    }
}
