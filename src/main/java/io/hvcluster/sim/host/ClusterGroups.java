package io.hvcluster.sim.host;

import io.hvcluster.facts.HostFacts;
import java.util.List;

/** Get-ClusterGroup for a cluster without VMs: its core group and Available Storage, owned by the first node that is up. */
final class ClusterGroups {

    private ClusterGroups() {
    }

    static List<HostFacts.Group> of(SimulatedDatacenter dc, SimulatedCluster c) {
        String owner = c.nodes.stream().filter(n -> !dc.nodeState(n).equals("Down")).map(n -> n.name).findFirst().orElse("");
        String state = owner.isEmpty() ? "Offline" : "Online";
        return List.of(new HostFacts.Group("Cluster Group", "Cluster", state, owner),
                new HostFacts.Group("Available Storage", "AvailableStorage", state, owner));
    }
}
