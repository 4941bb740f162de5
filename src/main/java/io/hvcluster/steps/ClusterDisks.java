package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.AddClusterDisk;
import io.hvcluster.windows.RenameClusterResource;
import java.util.List;
import java.util.Optional;

/** Finds an inventory disk among a host's disks and its resource in the cluster, as templates/_lib/disks.ps1.vm does. */
final class ClusterDisks {

    private ClusterDisks() {
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
     * As {@link #plan(StepPlanBuilder, HostFacts, Optional, DiskRef)}, except that a LUN step connect-storage has yet to
     * connect on {@code host} is planned as added once it is connected, not as a problem (it is invisible, or shows once
     * per path, until then).
     */
    static Optional<HostFacts.DiskResource> plan(StepPlanBuilder out, FactsView facts, Host host, Optional<HostFacts.Cluster> cluster,
            DiskRef ref) {
        return plan(out, facts, host.name(), cluster, ref);
    }

    /**
     * As above, for the host named {@code host}. In a script's view ({@link FactsView#scriptView()}) connect-storage has
     * run: a disk not found is a problem there.
     */
    static Optional<HostFacts.DiskResource> plan(StepPlanBuilder out, FactsView facts, String host, Optional<HostFacts.Cluster> cluster,
            DiskRef ref) {
        HostFacts node = facts.of(host);
        if (ref.identity().matching(node).size() != 1 && !facts.scriptView()
                && ConnectStorageStep.pendingOn(facts.inventory().host(host).orElseThrow(), facts)) {
            out.add("cluster disk '" + ref.label() + "'", "once connect-storage has connected it");
            return Optional.empty();
        }
        return plan(out, node, cluster, ref);
    }

    /**
     * The changes that put {@code ref} into the cluster under its label; adds problems to {@code out}.
     *
     * @return the resource the disk has now, if any
     */
    static Optional<HostFacts.DiskResource> plan(StepPlanBuilder out, HostFacts node, Optional<HostFacts.Cluster> cluster, DiskRef ref) {
        List<HostFacts.Disk> disks = ref.identity().matching(node);
        if (disks.size() != 1) {
            out.problem("disk '" + ref.label() + "' (serial '" + ref.serial() + "', unique id '" + ref.uniqueId()
                    + "'): expected exactly one on " + node.computerName() + ", found " + disks.size());
            return Optional.empty();
        }
        Optional<HostFacts.DiskResource> res = cluster.flatMap(c -> resource(c, disks.get(0)));
        if (res.isEmpty()) {
            out.add("cluster disk '" + ref.label() + "'", "disk " + disks.get(0).number())
                    .by(new AddClusterDisk(disks.get(0).number(), ref.label()));
        } else if (!res.get().name().equals(ref.label())) {
            out.change("name of cluster disk resource", res.get().name(), ref.label())
                    .by(new RenameClusterResource(res.get().name(), ref.label()));
        }
        return res;
    }
}
