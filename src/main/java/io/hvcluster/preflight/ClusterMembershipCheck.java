package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;

/** A node that belongs to another cluster cannot join this one. */
final class ClusterMembershipCheck implements PreflightCheck {

    @Override
    public String id() {
        return "cluster-membership";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        String name = in.inventory().cluster().name();
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.clusterMember() && !f.cluster().name().equalsIgnoreCase(name)) {
                out.error(h.name(), "member of cluster " + f.cluster().name(), "not in a cluster, or in " + name,
                        "evict " + h.name() + " from " + f.cluster().name() + " (Remove-ClusterNode -Name " + h.name()
                                + " on another node of it) and clean it up (Clear-ClusterNode), or use another host");
            }
        });
    }
}
