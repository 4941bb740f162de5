package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared disks are free to use: not a node's boot disk, not clustered already (by another cluster; by this
 * one is a re-run), the witness at least 512 MB, and CSVs GPT (MBR limits a volume to 2 TB). A RAW disk (a new LUN:
 * no partition table) is expected, not a finding: prepare-shared-disks initializes it. A volume label other than the
 * inventory's is a warning: the disk is used as it is.
 */
final class SharedDiskUsageCheck implements PreflightCheck {

    @Override
    public String id() {
        return "shared-disks-usable";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        for (DiskSpec spec : SharedDisks.all(in.inventory())) {
            boolean witness = SharedDisks.witness(in.inventory(), spec);
            Set<String> reported = new HashSet<>();
            in.hostFacts().forEach((Host h, HostFacts f) -> {
                List<HostFacts.Disk> found = SharedDisks.matching(f, spec);
                if (found.size() != 1) {
                    return;
                }
                HostFacts.Disk d = found.get(0);
                String what = SharedDisks.describe(spec);
                if (d.isBoot()) {
                    out.error(h.name(), what + " is " + h.name() + "'s boot disk (disk " + d.number() + ")", "a shared LUN, never a boot disk",
                            "correct the serial or unique id of '" + spec.label() + "' in the inventory");
                }
                boolean ours = f.clusterMember() && f.cluster().name().equalsIgnoreCase(in.inventory().cluster().name());
                if (d.isClustered() && !ours) {
                    String by = f.clusterMember() ? "cluster " + f.cluster().name() : "a cluster this node is not a member of";
                    out.error(h.name(), what + " is already a clustered disk, in use by " + by, "a disk no cluster uses yet",
                            "remove it from the other cluster (Remove-ClusterResource there) or present another LUN");
                }
                if (witness && d.sizeBytes() < DiskSpec.WITNESS_MINIMUM_BYTES && reported.add("size")) {
                    out.error(Finding.CLUSTER, "witness " + what + " has " + d.sizeBytes() / (1024 * 1024) + " MB", "at least 512 MB",
                            "present a witness LUN of 512 MB or more (1 GB is customary)");
                }
                // A RAW disk (a new LUN) is expected: prepare-shared-disks initializes it. A disk the cluster holds is
                // past preparing. Otherwise the disk is used as it is, never repartitioned.
                if (!d.isClustered() && !witness && "MBR".equalsIgnoreCase(d.partitionStyle()) && reported.add("mbr")) {
                    out.error(h.name(), what + " is partitioned MBR", "GPT for a Cluster Shared Volume (MBR stops at 2 TB); hvcluster never "
                                    + "repartitions a disk",
                            "if its data is not needed, erase it on " + h.name() + " with Clear-Disk -Number " + d.number()
                                    + " -RemoveData -RemoveOEM -Confirm:$false (the disk becomes RAW and prepare-shared-disks "
                                    + "initializes it GPT); otherwise present another LUN");
                }
                if (!d.volumeLabel().isEmpty() && !d.volumeLabel().equals(spec.label()) && !d.fileSystem().equalsIgnoreCase("CSVFS")
                        && reported.add("label")) {
                    out.warning(h.name(), what + " has volume label '" + d.volumeLabel() + "'", "the inventory's label '" + spec.label() + "'",
                            "nothing is needed: the disk is used as it is and its cluster resource is named '" + spec.label()
                                    + "'; to relabel the volume, on " + h.name() + ": Set-Volume -FileSystemLabel '"
                                    + d.volumeLabel().replace("'", "''") + "' -NewFileSystemLabel '" + spec.label().replace("'", "''") + "'");
                }
            });
        }
    }
}
