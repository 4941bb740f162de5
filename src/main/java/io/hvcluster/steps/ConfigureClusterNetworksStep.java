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
import java.util.HashMap;
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
    public StepPlan diff(Host host, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host.name());
        Params p = parameters(facts.inventory(), host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        if (cluster.isEmpty()) {
            out.change("cluster networks", "", String.join(", ", p.networks().stream()
                    .map(n -> n.name() + " (" + roleName(n.role()) + ")").toList()));
            out.change("live migration networks", "", String.join(", ", p.migrationOrder()));
            return out.build();
        }
        Map<String, String> idsByWantedName = new HashMap<>();
        Map<String, String> namesById = new HashMap<>();
        cluster.get().networks().forEach(n -> namesById.put(n.id(), n.name()));
        // Stray networks (no inventory network on that subnet): role None and no live migration, as the script does.
        List<String> strayIds = new ArrayList<>();
        List<String> strayNames = new ArrayList<>();
        for (HostFacts.Network have : cluster.get().networks()) {
            boolean known = p.networks().stream().anyMatch(w -> w.address().equals(have.address()) && w.mask().equals(have.mask()));
            if (!known) {
                strayIds.add(have.id());
                strayNames.add(have.name());
                if (have.role() != ROLE_NONE) {
                    out.change("role of stray cluster network '" + have.name() + "' (" + have.address() + "/" + have.mask() + ")",
                            roleName(have.role()), roleName(ROLE_NONE));
                }
            }
        }
        for (ClusterNetwork want : p.networks()) {
            Optional<HostFacts.Network> have = cluster.get().networks().stream()
                    .filter(n -> n.address().equals(want.address()) && n.mask().equals(want.mask())).findFirst();
            if (have.isEmpty()) {
                // Appears once the nodes are addressed on that subnet; the script warns then.
                continue;
            }
            idsByWantedName.put(want.name(), have.get().id());
            if (!have.get().name().equals(want.name())) {
                out.change("name of cluster network " + want.address() + "/" + want.mask(), have.get().name(), want.name());
            }
            if (have.get().role() != want.role()) {
                out.change("role of cluster network '" + want.name() + "'", roleName(have.get().role()), roleName(want.role()));
            }
        }
        String order = ids(p.migrationOrder(), idsByWantedName);
        List<String> excludedIds = new ArrayList<>();
        String named = ids(p.migrationExcluded(), idsByWantedName);
        if (!named.isEmpty()) {
            excludedIds.add(named);
        }
        excludedIds.addAll(strayIds);
        String excluded = String.join(";", excludedIds);
        List<String> excludedNames = new ArrayList<>(p.migrationExcluded());
        excludedNames.addAll(strayNames);
        if (!order.equals(cluster.get().migrationNetworkOrder())) {
            out.change("live migration network order", names(cluster.get().migrationNetworkOrder(), namesById),
                    String.join(", ", p.migrationOrder()));
        }
        if (!excluded.equals(cluster.get().migrationExcludeNetworks())) {
            out.change("networks live migration excludes", names(cluster.get().migrationExcludeNetworks(), namesById),
                    String.join(", ", excludedNames));
        }
        return out.build();
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
