package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import java.util.ArrayList;
import io.hvcluster.windows.RenameClusterNetwork;
import io.hvcluster.windows.SetClusterNetworkRole;
import io.hvcluster.windows.SetClusterParameter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 11: name the cluster networks after their roles, set their roles (management: cluster and client;
 * heartbeat and live migration: cluster only; iSCSI: none), and tell live migration which networks it may
 * use, live-migration network first, heartbeat last. A cluster network on a subnet the inventory does not know (a
 * stray one: an unnamed NIC, a host vNIC with a lease) gets role None and is excluded from live migration, with a
 * warning naming it.
 */
public final class ConfigureClusterNetworksStep implements Step<ConfigureClusterNetworksStep.Params> {

    public static final String ID = "configure-cluster-networks";

    /** ClusterNetworkRole values (FailoverClusters): None 0, Cluster 1, ClusterAndClient 3. */
    static final int ROLE_NONE = 0;
    static final int ROLE_CLUSTER = 1;
    static final int ROLE_CLUSTER_AND_CLIENT = 3;

    /** The resource type whose private properties say which networks live migration uses. */
    static final String VM_RESOURCE_TYPE = "Virtual Machine";

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
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        if (cluster.isEmpty()) {
            // Planned ahead of create-cluster: what the networks become once they exist (no Ids to name them by yet).
            out.change("cluster networks", "", String.join(", ", p.networks().stream()
                    .map(n -> n.name() + " (" + roleName(n.role()) + ")").toList()));
            out.change("live migration networks", "", String.join(", ", p.migrationOrder()));
            return out.build();
        }
        Reading r = read(p, cluster.get());
        // Stray networks (no inventory network on that subnet): role None and no live migration, as the script does.
        for (HostFacts.Network stray : r.strays()) {
            if (stray.role() != ROLE_NONE) {
                out.change("role of stray cluster network '" + stray.name() + "' (" + stray.address() + "/" + stray.mask() + ")",
                        roleName(stray.role()), roleName(ROLE_NONE)).by(new SetClusterNetworkRole(stray.id(), ROLE_NONE, true));
            }
        }
        Map<String, String> idsByWantedName = new HashMap<>();
        for (Map.Entry<ClusterNetwork, HostFacts.Network> e : r.matched().entrySet()) {
            ClusterNetwork want = e.getKey();
            HostFacts.Network have = e.getValue();
            idsByWantedName.put(want.name(), have.id());
            // -cne in the script: a case-only difference is renamed too.
            if (!have.name().equals(want.name())) {
                out.change("name of cluster network " + want.address() + "/" + want.mask(), have.name(), want.name())
                        .by(new RenameClusterNetwork(have.id(), want.name()));
            }
            if (have.role() != want.role()) {
                out.change("role of cluster network '" + want.name() + "'", roleName(have.role()), roleName(want.role()))
                        .by(new SetClusterNetworkRole(have.id(), want.role(), false));
            }
        }
        Map<String, String> namesById = new HashMap<>();
        cluster.get().networks().forEach(n -> namesById.put(n.id(), n.name()));
        String order = ids(p.migrationOrder(), idsByWantedName);
        List<String> excludedIds = new ArrayList<>();
        String named = ids(p.migrationExcluded(), idsByWantedName);
        if (!named.isEmpty()) {
            excludedIds.add(named);
        }
        r.strays().forEach(n -> excludedIds.add(n.id()));
        String excluded = String.join(";", excludedIds);
        List<String> excludedNames = new ArrayList<>(p.migrationExcluded());
        r.strays().forEach(n -> excludedNames.add(n.name()));
        if (!order.equals(cluster.get().migrationNetworkOrder())) {
            out.change("live migration network order", names(cluster.get().migrationNetworkOrder(), namesById),
                    String.join(", ", p.migrationOrder())).by(new SetClusterParameter(VM_RESOURCE_TYPE, "MigrationNetworkOrder", order));
        }
        if (!excluded.equals(cluster.get().migrationExcludeNetworks())) {
            out.change("networks live migration excludes", names(cluster.get().migrationExcludeNetworks(), namesById),
                    String.join(", ", excludedNames)).by(new SetClusterParameter(VM_RESOURCE_TYPE, "MigrationExcludeNetworks", excluded));
        }
        return out.build();
    }

    /**
     * The warnings the script writes on {@code cluster} besides its changes: each stray network it sets aside, and each
     * inventory network no cluster network stands for yet. Pure.
     */
    public static List<String> notices(Params p, HostFacts.Cluster cluster) {
        Reading r = read(p, cluster);
        List<String> out = new ArrayList<>();
        r.strays().forEach(n -> out.add("cluster network '" + n.name() + "' (" + n.address() + "/" + n.mask() + ") matches no network "
                + "of the inventory: a stray network, set to role None (0) and excluded from live migration"));
        p.networks().stream().filter(w -> !r.matched().containsKey(w)).forEach(w -> out.add("no cluster network for '" + w.name()
                + "' (" + w.address() + "/" + w.mask() + "): are its adapters up and addressed on every node?"));
        return out;
    }

    /**
     * Which cluster network stands for which inventory network (same address and mask; the first one found), and the
     * stray ones no inventory network stands for.
     */
    private record Reading(Map<ClusterNetwork, HostFacts.Network> matched, List<HostFacts.Network> strays) {
    }

    private static Reading read(Params p, HostFacts.Cluster cluster) {
        Map<ClusterNetwork, HostFacts.Network> matched = new LinkedHashMap<>();
        List<HostFacts.Network> strays = new ArrayList<>();
        for (HostFacts.Network have : cluster.networks()) {
            Optional<ClusterNetwork> want = p.networks().stream()
                    .filter(w -> w.address().equals(have.address()) && w.mask().equals(have.mask())).findFirst();
            if (want.isEmpty()) {
                strays.add(have);
            } else {
                matched.putIfAbsent(want.get(), have);
            }
        }
        // In the order of the inventory's networks, as the changes are shown.
        Map<ClusterNetwork, HostFacts.Network> ordered = new LinkedHashMap<>();
        p.networks().stream().filter(matched::containsKey).forEach(w -> ordered.put(w, matched.get(w)));
        return new Reading(ordered, strays);
    }

    private static String ids(List<String> names, Map<String, String> ids) {
        return String.join(";", names.stream().filter(ids::containsKey).map(ids::get).toList());
    }

    private static String names(String ids, Map<String, String> namesById) {
        return ids.isEmpty() ? "" : String.join(", ", java.util.Arrays.stream(ids.split(";")).map(id -> namesById.getOrDefault(id, id)).toList());
    }

    static String roleName(int role) {
        return switch (role) {
            case 0 -> "None (0)";
            case 1 -> "Cluster only (1)";
            case 3 -> "Cluster and client (3)";
            default -> String.valueOf(role);
        };
    }

    @Override
    public List<String> checks() {
        return List.of("Get-ClusterNetwork shows each network under its role name with the expected Role.",
                "Failover Cluster Manager > Networks > Live Migration Settings lists the live-migration network first.");
    }
}
