package io.hvcluster.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The validated description of the cluster to build: what the admin planned on paper.
 * Immutable; built only by the loader, so every instance has passed structural checks.
 *
 * @param source    where it was read from, for messages ("inventories/lab-4node.yaml")
 * @param cluster   cluster-wide settings
 * @param networks  one entry per NIC role, in file order
 * @param hosts     the nodes, in file order; the first is where cluster-wide steps run
 * @param connection how to reach the hosts over WinRM
 * @param capacity  optional sizing data for `hvcluster capacity`
 * @param hostSettings what host-settings applies (docs/inventory.md)
 * @param storage   how the hosts reach the shared LUNs; absent: connected outside hvcluster (docs/inventory.md)
 */
public record Inventory(
        String source,
        ClusterSpec cluster,
        List<Network> networks,
        List<Host> hosts,
        Connection connection,
        Optional<CapacitySpec> capacity,
        HostSettingsSpec hostSettings,
        Optional<StorageSpec> storage) {

    public Inventory {
        networks = List.copyOf(networks);
        hosts = List.copyOf(hosts);
        hostSettings = hostSettings == null ? HostSettingsSpec.DEFAULTS : hostSettings;
        storage = storage == null ? Optional.empty() : storage;
    }

    /** An inventory without {@code hostSettings} (its defaults) and without {@code storage} (LUNs connected outside hvcluster). */
    public Inventory(String source, ClusterSpec cluster, List<Network> networks, List<Host> hosts, Connection connection,
            Optional<CapacitySpec> capacity) {
        this(source, cluster, networks, hosts, connection, capacity, HostSettingsSpec.DEFAULTS, Optional.empty());
    }

    /** An inventory without a {@code storage} section: the LUNs are connected outside hvcluster. */
    public Inventory(String source, ClusterSpec cluster, List<Network> networks, List<Host> hosts, Connection connection,
            Optional<CapacitySpec> capacity, HostSettingsSpec hostSettings) {
        this(source, cluster, networks, hosts, connection, capacity, hostSettings, Optional.empty());
    }

    /** An inventory without a {@code hostSettings} section (its defaults). */
    public Inventory(String source, ClusterSpec cluster, List<Network> networks, List<Host> hosts, Connection connection,
            Optional<CapacitySpec> capacity, Optional<StorageSpec> storage) {
        this(source, cluster, networks, hosts, connection, capacity, HostSettingsSpec.DEFAULTS, storage);
    }

    /** The iSCSI storage hvcluster connects, if the inventory describes one. */
    public Optional<StorageSpec> iscsi() {
        return storage.filter(s -> s.kind() == StorageKind.ISCSI);
    }

    public Optional<Network> network(String name) {
        return networks.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public List<Network> networksWith(NetworkPurpose purpose) {
        return networks.stream().filter(n -> n.purpose() == purpose).toList();
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The node that runs cluster-wide steps (create-cluster, quorum, CSVs, networks): the first host listed. */
    public Host firstNode() {
        return hosts.get(0);
    }
}
