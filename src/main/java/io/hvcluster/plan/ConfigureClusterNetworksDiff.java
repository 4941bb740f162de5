package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.steps.ConfigureClusterNetworksStep;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** configure-cluster-networks: names and roles by address and mask; live-migration order and exclusions. */
final class ConfigureClusterNetworksDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(ConfigureClusterNetworksStep.ID, host.name());
        ConfigureClusterNetworksStep.Params p = new ConfigureClusterNetworksStep().parameters(facts.inventory(), host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        if (cluster.isEmpty()) {
            out.change("name the cluster networks " + String.join(", ", p.networks().stream().map(ConfigureClusterNetworksStep.ClusterNetwork::name).toList())
                    + " and set their roles");
            out.change("live migration uses " + String.join(", ", p.migrationOrder()) + ", in that order");
            return out.toPlan();
        }
        Map<String, String> idsByWantedName = new HashMap<>();
        for (ConfigureClusterNetworksStep.ClusterNetwork want : p.networks()) {
            Optional<HostFacts.Network> have = cluster.get().networks().stream()
                    .filter(n -> n.address().equals(want.address()) && n.mask().equals(want.mask())).findFirst();
            if (have.isEmpty()) {
                // Appears once the nodes are addressed on that subnet; the script warns then.
                continue;
            }
            idsByWantedName.put(want.name(), have.get().id());
            if (!have.get().name().equals(want.name())) {
                out.change("rename cluster network '" + have.get().name() + "' to '" + want.name() + "'");
            }
            if (have.get().role() != want.role()) {
                out.change("set the role of cluster network '" + want.name() + "' to " + roleName(want.role()));
            }
        }
        String order = ids(p.migrationOrder(), idsByWantedName);
        String excluded = ids(p.migrationExcluded(), idsByWantedName);
        if (!order.equals(cluster.get().migrationNetworkOrder())) {
            out.change("live migration uses " + String.join(", ", p.migrationOrder()) + ", in that order");
        }
        if (!excluded.equals(cluster.get().migrationExcludeNetworks())) {
            out.change("live migration excludes " + String.join(", ", p.migrationExcluded()));
        }
        return out.toPlan();
    }

    private static String ids(List<String> names, Map<String, String> ids) {
        return String.join(";", names.stream().filter(ids::containsKey).map(ids::get).toList());
    }

    static String roleName(int role) {
        return switch (role) {
            case 0 -> "None (0)";
            case 1 -> "Cluster only (1)";
            case 3 -> "Cluster and client (3)";
            default -> String.valueOf(role);
        };
    }
}
