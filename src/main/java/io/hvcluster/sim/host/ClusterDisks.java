package io.hvcluster.sim.host;

import io.hvcluster.steps.DiskRef;
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

    /** Add-HvcClusterDisk: the disk's resource, added ("Cluster Disk N") and renamed to the label if needed. */
    static SimulatedCluster.DiskResource add(StepRun run, SimulatedCluster c, DiskRef ref) throws StepFailure {
        SimDisk disk = find(run, ref).disk();
        List<SimulatedCluster.DiskResource> res = resources(run, c, disk);
        SimulatedCluster.DiskResource r;
        if (res.isEmpty()) {
            boolean everyNodeSees = c.nodes.stream().allMatch(n -> disk.visibleTo.stream().anyMatch(v -> v.equalsIgnoreCase(n.name)));
            if (disk.boot || !everyNodeSees) {
                throw new StepFailure("disk '" + ref.label() + "' is not available to the cluster: it must be a basic disk that every node sees and that is not in use");
            }
            c.diskCounter++;
            r = new SimulatedCluster.DiskResource();
            r.name = "Cluster Disk " + c.diskCounter;
            r.diskIdGuid = disk.guid;
            r.diskSignature = disk.signature;
            r.ownerNode = run.host.name;
            c.diskResources.add(r);
            run.change("added disk '" + ref.label() + "' to the cluster as '" + r.name + "'");
        } else {
            r = res.get(0);
        }
        if (!r.name.equals(ref.label())) {
            if (c.diskResources.stream().anyMatch(o -> o != r && o.name.equalsIgnoreCase(ref.label()))) {
                throw new StepFailure("An object with the name '" + ref.label() + "' already exists in the cluster.");
            }
            String old = r.name;
            c.sharedVolume(old).ifPresent(v -> v.name = ref.label());
            if (c.quorumResource.equals(old)) {
                c.quorumResource = ref.label();
            }
            r.name = ref.label();
            run.change("renamed cluster resource '" + old + "' to '" + ref.label() + "'");
        }
        return r;
    }
}
