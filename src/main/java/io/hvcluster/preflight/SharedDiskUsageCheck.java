package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared disks are free to use: not a node's boot disk, not clustered already (by another cluster; by this
 * one is a re-run), the witness at least 512 MB, and CSVs GPT (MBR limits a volume to 2 TB).
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
                if (!witness && "MBR".equalsIgnoreCase(d.partitionStyle()) && reported.add("mbr")) {
                    out.warning(Finding.CLUSTER, what + " is partitioned MBR", "GPT: an MBR volume cannot grow beyond 2 TB",
                            "if the disk holds nothing, clear it (Clear-Disk -RemoveData) so it is initialized as GPT, or convert it before adding it");
                }
            });
        }
    }
}
