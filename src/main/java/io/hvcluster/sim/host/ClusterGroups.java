package io.hvcluster.sim.host;

import io.hvcluster.facts.HostFacts;
import java.util.List;

/**
 * Get-ClusterGroup: the core group and Available Storage, owned by the first node that is up, then each clustered
 * role, and one group per highly available VM (GroupType VirtualMachine, the group named as the VM, owned by the node
 * that runs it).
 */
final class ClusterGroups {

    private ClusterGroups() {
    }

    static List<HostFacts.Group> of(SimulatedDatacenter dc, SimulatedCluster c) {
        String owner = c.nodes.stream().filter(n -> !dc.nodeState(n).equals("Down")).map(n -> n.name).findFirst().orElse("");
        String state = owner.isEmpty() ? "Offline" : "Online";
        List<HostFacts.Group> groups = new java.util.ArrayList<>(List.of(new HostFacts.Group("Cluster Group", "Cluster", state, owner),
                new HostFacts.Group("Available Storage", "AvailableStorage", state, owner)));
        c.roles.forEach(r -> groups.add(new HostFacts.Group(r, "VirtualMachine", state, owner)));
        c.virtualMachines.stream().filter(vm -> vm.clustered)
                .forEach(vm -> groups.add(new HostFacts.Group(vm.name, "VirtualMachine", vm.state.equals("Running") ? "Online" : "Offline", vm.ownerNode)));
        return List.copyOf(groups);
    }
}
