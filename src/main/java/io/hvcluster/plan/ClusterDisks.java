package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.steps.DiskRef;
import java.util.List;
import java.util.Optional;

/** Finds an inventory disk among a host's disks and its resource in the cluster, as the scripts do. */
final class ClusterDisks {

    private ClusterDisks() {
    }

    static List<HostFacts.Disk> matching(HostFacts facts, DiskRef ref) {
        return facts.disks().stream()
                .filter(d -> ref.serial().isEmpty() || d.serial().equals(ref.serial()))
                .filter(d -> ref.uniqueId().isEmpty() || d.uniqueId().equals(ref.uniqueId()))
                .toList();
    }

    static Optional<HostFacts.DiskResource> resource(HostFacts.Cluster cluster, HostFacts.Disk disk) {
        return cluster.diskResources().stream().filter(r -> !disk.guid().isEmpty()
                ? r.diskIdGuid().equalsIgnoreCase(disk.guid())
                : !r.diskSignature().isEmpty() && parseSignature(r.diskSignature()) == disk.signature()).findFirst();
    }

    private static long parseSignature(String s) {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The changes that put {@code ref} into the cluster under its label; adds problems to {@code out}.
     *
     * @return the resource name the disk has or will have
     */
    static Optional<HostFacts.DiskResource> plan(PlanLines out, HostFacts node, Optional<HostFacts.Cluster> cluster, DiskRef ref) {
        List<HostFacts.Disk> disks = matching(node, ref);
        if (disks.size() != 1) {
            out.problem("disk '" + ref.label() + "' (serial '" + ref.serial() + "', unique id '" + ref.uniqueId()
                    + "'): expected exactly one on " + node.computerName() + ", found " + disks.size());
            return Optional.empty();
        }
        Optional<HostFacts.DiskResource> res = cluster.flatMap(c -> resource(c, disks.get(0)));
        if (res.isEmpty()) {
            out.change("add disk '" + ref.label() + "' to the cluster");
        } else if (!res.get().name().equals(ref.label())) {
            out.change("rename cluster resource '" + res.get().name() + "' to '" + ref.label() + "'");
        }
        return res;
    }
}
