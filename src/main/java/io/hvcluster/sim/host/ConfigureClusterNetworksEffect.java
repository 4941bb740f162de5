package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureClusterNetworksStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** templates/configure-cluster-networks/apply.ps1.vm. */
final class ConfigureClusterNetworksEffect implements StepEffect<ConfigureClusterNetworksStep.Params> {

    @Override
    public Class<ConfigureClusterNetworksStep.Params> paramsType() {
        return ConfigureClusterNetworksStep.Params.class;
    }

    @Override
    public void apply(StepRun run, ConfigureClusterNetworksStep.Params params) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        List<String> seen = new ArrayList<>();
        List<String> strayIds = new ArrayList<>();
        List<String> strayNames = new ArrayList<>();
        for (SimulatedCluster.Network n : c.networks) {
            List<ConfigureClusterNetworksStep.ClusterNetwork> want = params.networks().stream()
                    .filter(w -> w.address().equals(n.address) && w.mask().equals(n.mask)).toList();
            if (want.isEmpty()) {
                run.warning("cluster network '" + n.name + "' (" + n.address + "/" + n.mask + ") matches no network of the inventory: "
                        + "a stray network, set to role None (0) and excluded from live migration");
                strayIds.add(n.id);
                strayNames.add(n.name);
                if (n.role != 0) {
                    n.role = 0;
                    run.change("set the role of stray cluster network '" + n.name + "' to 0");
                }
                continue;
            }
            ConfigureClusterNetworksStep.ClusterNetwork w = want.get(0);
            seen.add(w.name());
            if (!n.name.equals(w.name())) {
                String old = n.name;
                n.name = w.name();
                run.change("renamed cluster network '" + old + "' to '" + w.name() + "'");
            }
            if (n.role != w.role()) {
                n.role = w.role();
                run.change("set the role of cluster network '" + w.name() + "' to " + w.role());
            }
        }
        for (ConfigureClusterNetworksStep.ClusterNetwork w : params.networks()) {
            if (seen.stream().noneMatch(s -> s.equalsIgnoreCase(w.name()))) {
                run.warning("no cluster network for '" + w.name() + "' (" + w.address() + "/" + w.mask()
                        + "): are its adapters up and addressed on every node?");
            }
        }
        Map<String, String> ids = new LinkedHashMap<>();
        c.networks.forEach(n -> ids.put(n.name.toLowerCase(java.util.Locale.ROOT), n.id));
        if (!c.virtualMachineResourceType) {
            run.warning("the cluster has no 'Virtual Machine' resource type yet; live-migration networks not set");
            return;
        }
        String order = join(params.migrationOrder(), ids);
        List<String> excludedIds = new ArrayList<>();
        String named = join(params.migrationExcluded(), ids);
        if (!named.isEmpty()) {
            excludedIds.add(named);
        }
        excludedIds.addAll(strayIds);
        String excluded = String.join(";", excludedIds);
        List<String> excludedNames = new ArrayList<>(params.migrationExcluded());
        excludedNames.addAll(strayNames);
        if (!c.migrationNetworkOrder.equals(order)) {
            c.migrationNetworkOrder = order;
            run.change("live migration uses, in order: " + String.join(", ", params.migrationOrder()));
        }
        if (!c.migrationExcludeNetworks.equals(excluded)) {
            c.migrationExcludeNetworks = excluded;
            run.change("live migration excludes: " + String.join(", ", excludedNames));
        }
    }

    /** Hashtable keys are case-insensitive in PowerShell. */
    private static String join(List<String> names, Map<String, String> ids) {
        return String.join(";", names.stream().map(n -> ids.get(n.toLowerCase(java.util.Locale.ROOT)))
                .filter(java.util.Objects::nonNull).toList());
    }
}
