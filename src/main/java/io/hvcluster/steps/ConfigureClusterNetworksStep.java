package io.hvcluster.steps;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Step 11: name the cluster networks after their roles, set their roles (management: cluster and client;
 * heartbeat and live migration: cluster only; iSCSI: none), and tell live migration which networks it may
 * use, live-migration network first, heartbeat last.
 */
public final class ConfigureClusterNetworksStep implements Step<ConfigureClusterNetworksStep.Params> {

    public static final String ID = "configure-cluster-networks";

    /** ClusterNetworkRole values (FailoverClusters): None 0, Cluster 1, ClusterAndClient 3. */
    static final int ROLE_NONE = 0;
    static final int ROLE_CLUSTER = 1;
    static final int ROLE_CLUSTER_AND_CLIENT = 3;

    /**
     * @param networks           the cluster networks to name and set, matched by address and mask
     * @param migrationOrder     names of the networks live migration may use, in order of preference
     * @param migrationExcluded  names of the networks live migration must not use
     */
    public record Params(List<ClusterNetwork> networks, List<String> migrationOrder, List<String> migrationExcluded) {
    }

    /** @param address the subnet's network address; @param mask dotted mask; @param role see ROLE_* */
    public record ClusterNetwork(String name, String address, String mask, int role) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Name the cluster networks and set their roles";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(CreateVirtualSwitchesStep.ID, AddSharedVolumesStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        List<ClusterNetwork> nets = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (NetworkPurpose p : List.of(NetworkPurpose.LIVE_MIGRATION, NetworkPurpose.CLUSTER)) {
            inventory.networksWith(p).forEach(n -> order.add(n.name()));
        }
        for (Network n : inventory.networks()) {
            if (n.subnet().isEmpty()) {
                continue;
            }
            int role = switch (n.purpose()) {
                case MANAGEMENT -> ROLE_CLUSTER_AND_CLIENT;
                case CLUSTER, LIVE_MIGRATION -> ROLE_CLUSTER;
                case ISCSI, VIRTUAL_SWITCH -> ROLE_NONE;
            };
            nets.add(new ClusterNetwork(n.name(), n.subnet().get().network().toString(), n.subnet().get().mask().toString(), role));
            if (!order.contains(n.name())) {
                excluded.add(n.name());
            }
        }
        return new Params(nets, order, excluded);
    }

    @Override
    public List<String> checks() {
        return List.of("Get-ClusterNetwork shows each network under its role name with the expected Role.",
                "Failover Cluster Manager > Networks > Live Migration Settings lists the live-migration network first.");
    }
}
