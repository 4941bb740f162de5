package io.hvcluster.testing;

import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.MacAddress;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.inventory.Subnet;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.inventory.VirtualSwitchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Inventories built in code, for tests that must not depend on the YAML loader. */
public final class InventoryFixtures {

    private InventoryFixtures() {
    }

    public static Ipv4 ip(String s) {
        return Ipv4.parse(s).orElseThrow();
    }

    public static Subnet subnet(String s) {
        return Subnet.parse(s).orElseThrow();
    }

    public static MacAddress mac(String s) {
        return MacAddress.parse(s).orElseThrow();
    }

    public static Network network(String name, NetworkPurpose purpose, String cidr) {
        return new Network(name, purpose, Optional.ofNullable(cidr).map(InventoryFixtures::subnet), Optional.empty(), List.of());
    }

    /** The production-like shape: management, heartbeat, live migration, two iSCSI, one uplink; 4 nodes. */
    public static Inventory fourNodes() {
        return nodes(4, TargetOs.WINDOWS_SERVER_2022);
    }

    public static Inventory nodes(int count, TargetOs os) {
        List<Network> networks = List.of(
                new Network("Parent", NetworkPurpose.MANAGEMENT, Optional.of(subnet("10.0.0.0/24")),
                        Optional.of(ip("10.0.0.1")), List.of(ip("10.0.0.10"))),
                network("Cluster", NetworkPurpose.CLUSTER, "10.10.1.0/24"),
                network("Live Migration", NetworkPurpose.LIVE_MIGRATION, "10.10.2.0/24"),
                network("iSCSI 1", NetworkPurpose.ISCSI, "10.20.1.0/24"),
                network("iSCSI 2", NetworkPurpose.ISCSI, "10.20.2.0/24"),
                network("Virtual 1", NetworkPurpose.VIRTUAL_SWITCH, null));
        List<Host> hosts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String n = String.format("%02X", i);
            int octet = 10 + i;
            hosts.add(new Host(String.format("HV%02d", i), String.format("hv%02d.corp.example.com", i), List.of(
                    nic("Parent", "00-15-5D-0A-" + n + "-01", "10.0.0." + octet),
                    nic("Cluster", "00-15-5D-0A-" + n + "-02", "10.10.1." + octet),
                    nic("Live Migration", "00-15-5D-0A-" + n + "-03", "10.10.2." + octet),
                    nic("iSCSI 1", "00-15-5D-0A-" + n + "-04", "10.20.1." + octet),
                    nic("iSCSI 2", "00-15-5D-0A-" + n + "-05", "10.20.2." + octet),
                    nic("Virtual 1", "00-15-5D-0A-" + n + "-06", null))));
        }
        ClusterSpec cluster = new ClusterSpec("HVCL01", ip("10.0.0.50"), "corp.example.com", os, QuorumMode.AUTO,
                Optional.of(new DiskSpec("Witness", Optional.of("WITNESS-01"), Optional.empty(), Optional.of(1024L * 1024 * 1024))),
                List.of(new DiskSpec("CSV1", Optional.of("CSV-01"), Optional.empty(), Optional.empty()),
                        new DiskSpec("CSV2", Optional.of("CSV-02"), Optional.empty(), Optional.empty())),
                List.of(new VirtualSwitchSpec("External", "Virtual 1", false, Optional.empty())));
        Connection connection = new Connection(5986, true, AuthMethod.KERBEROS, "hvadmin@CORP.EXAMPLE.COM",
                new PasswordSource.Environment("HVCLUSTER_PASSWORD"), false, Connection.DEFAULT_CONNECT_TIMEOUT,
                Connection.DEFAULT_OPERATION_TIMEOUT);
        return new Inventory("lab-4node.yaml", cluster, networks, hosts, connection, Optional.empty());
    }

    static HostNic nic(String network, String mac, String ipAddress) {
        return new HostNic(network, Optional.of(mac(mac)), Optional.empty(), Optional.ofNullable(ipAddress).map(InventoryFixtures::ip));
    }

    /** {@code inv} with an iSCSI target on one portal per iSCSI subnet (two paths per host, so MPIO). */
    public static Inventory withIscsi(Inventory inv) {
        io.hvcluster.inventory.StorageSpec storage = new io.hvcluster.inventory.StorageSpec(io.hvcluster.inventory.StorageKind.ISCSI,
                List.of(new io.hvcluster.inventory.IscsiTarget(List.of(ip("10.20.1.100"), ip("10.20.2.100")), Optional.empty())),
                Optional.empty(), io.hvcluster.inventory.MpioMode.AUTO, io.hvcluster.inventory.LoadBalancePolicy.RR);
        return new Inventory(inv.source(), inv.cluster(), inv.networks(), inv.hosts(), inv.connection(), inv.capacity(), Optional.of(storage));
    }

    /** {@code inv} with cluster.disableUnusedAdapters set. */
    public static Inventory withDisableUnusedAdapters(Inventory inv, boolean on) {
        ClusterSpec c = inv.cluster();
        return new Inventory(inv.source(), new ClusterSpec(c.name(), c.address(), c.domain(), c.targetOs(), c.quorum(), c.witness(),
                c.sharedVolumes(), c.virtualSwitches(), on), inv.networks(), inv.hosts(), inv.connection(), inv.capacity());
    }
}
