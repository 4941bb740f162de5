package io.hvcluster.bundle;

import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.VirtualSwitchSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The concrete values behind a step's checks, from the inventory: which addresses to ping from which node,
 * which NICs are the switches' uplinks, the cluster's name and address, the disks' serials. The runbook lists
 * them under "With this inventory" so the admin checks against values rather than filling in placeholders.
 *
 * <p>After rename-adapters every NIC carries its network's name, so that name is the NIC name in every check.
 */
final class RunbookValues {

    private final Inventory inventory;

    RunbookValues(Inventory inventory) {
        this.inventory = inventory;
    }

    /** A step's check with its placeholders filled in: the uplinks' names, the cluster's name and address. */
    String fill(String check) {
        return check.replace("<uplink>", uplinkList())
                .replace("the cluster name", "the cluster name (" + inventory.cluster().name() + ")")
                .replace("the cluster address", "the cluster address (" + inventory.cluster().address() + ")");
    }

    /** The lines under "With this inventory" for a step, or none. */
    List<String> forStep(String stepId) {
        return switch (stepId) {
            case "rename-adapters" -> adapters();
            case "configure-addresses" -> pings();
            case "unbind-protocols" -> uplinks();
            case "install-failover-clustering", "validate-cluster" -> List.of("nodes: " + nodeNames());
            case "prepare-shared-disks" -> preparedDisks();
            case "create-cluster" -> cluster();
            case "configure-quorum" -> witness();
            case "enable-hyper-v" -> List.of("restart order when done by hand, one at a time: "
                    + inventory.hosts().stream().map(Host::name).collect(Collectors.joining(", then ")));
            case "add-shared-volumes" -> sharedVolumes();
            case "create-virtual-switches" -> switches();
            case "configure-cluster-networks" -> clusterNetworks();
            default -> List.of();
        };
    }

    private List<String> adapters() {
        List<String> out = new ArrayList<>();
        for (Host h : inventory.hosts()) {
            List<String> nics = new ArrayList<>();
            for (HostNic n : h.nics()) {
                String found = n.mac().map(m -> "MAC " + m)
                        .orElseGet(() -> n.currentName().map(c -> "now '" + c + "'").orElse("as found"));
                nics.add("'" + n.network() + "' (" + found + ")");
            }
            out.add("**" + h.name() + "**: " + String.join(", ", nics));
        }
        return out;
    }

    /** Every node pings every other node on each network that has addresses, from its own address there. */
    private List<String> pings() {
        List<String> out = new ArrayList<>();
        for (Network net : inventory.networks()) {
            List<Host> addressed = inventory.hosts().stream().filter(h -> ip(h, net).isPresent()).toList();
            if (addressed.isEmpty()) {
                continue;
            }
            out.add("**" + net.name() + "**" + net.subnet().map(s -> " (" + s + ")").orElse("") + ": "
                    + addressed.stream().map(h -> h.name() + " " + ip(h, net).orElseThrow()).collect(Collectors.joining(", ")));
            for (Host from : addressed) {
                List<String> cmds = new ArrayList<>();
                for (Host to : addressed) {
                    if (to != from) {
                        cmds.add("`ping -S " + ip(from, net).orElseThrow() + " " + ip(to, net).orElseThrow() + "`");
                    }
                }
                net.gateway().ifPresent(g -> cmds.add("`ping -S " + ip(from, net).orElseThrow() + " " + g + "` (gateway)"));
                if (!cmds.isEmpty()) {
                    out.add("  on " + from.name() + ": " + String.join(", ", cmds));
                }
            }
        }
        return out;
    }

    private List<String> uplinks() {
        List<Network> nets = inventory.networksWith(NetworkPurpose.VIRTUAL_SWITCH);
        if (nets.isEmpty()) {
            return List.of("no virtual-switch network: nothing to unbind");
        }
        List<String> out = new ArrayList<>();
        for (Network net : nets) {
            String switches = inventory.cluster().virtualSwitches().stream().filter(v -> v.network().equals(net.name()))
                    .map(VirtualSwitchSpec::name).collect(Collectors.joining(", "));
            out.add("uplink NIC '" + net.name() + "'" + (switches.isEmpty() ? "" : " (switch " + switches + ")") + " on "
                    + hostsWith(net) + ": `Get-NetAdapterBinding -Name " + psQuoted(net.name())
                    + " -ComponentID ms_tcpip,ms_tcpip6`");
        }
        return out;
    }

    private List<String> cluster() {
        String name = inventory.cluster().name();
        Ipv4 address = inventory.cluster().address();
        String fqdn = name + "." + inventory.cluster().domain();
        return List.of("cluster **" + name + "** at " + address + " in " + inventory.cluster().domain(),
                "`Resolve-DnsName " + fqdn + "` answers " + address + "; `ping " + address + "` answers from a node",
                "`Get-ClusterNode -Cluster " + name + "` lists " + nodeNames());
    }

    private List<String> witness() {
        if (inventory.cluster().externalWitness().isPresent()) {
            return List.of(inventory.cluster().externalWitness().get().describe());
        }
        return inventory.cluster().witness().map(d -> List.of("witness disk " + disk(d)))
                .orElse(List.of("no witness disk: quorum " + inventory.cluster().quorum().toString().toLowerCase(Locale.ROOT)));
    }

    /** The disks the step may FORMAT (only while RAW), named so the admin checks each before running it. */
    private List<String> preparedDisks() {
        List<String> out = new ArrayList<>();
        inventory.cluster().witness().ifPresent(d -> out.add("**FORMATS if RAW** witness disk " + disk(d) + " → GPT, one "
                + d.fileSystem().windowsName() + " volume '" + d.label() + "'"));
        inventory.cluster().sharedVolumes().forEach(d -> out.add("**FORMATS if RAW** CSV disk " + disk(d) + " → GPT, one "
                + d.fileSystem().windowsName() + " volume '" + d.label() + "'"));
        if (out.isEmpty()) {
            return List.of("no shared disks in the inventory");
        }
        out.add("a disk with partitions is never changed; `-WhatIf` lists what would be formatted");
        return out;
    }

    private List<String> sharedVolumes() {
        if (inventory.cluster().sharedVolumes().isEmpty()) {
            return List.of("no shared volumes in the inventory");
        }
        return inventory.cluster().sharedVolumes().stream().map(d -> "CSV " + disk(d)).toList();
    }

    private List<String> switches() {
        if (inventory.cluster().virtualSwitches().isEmpty()) {
            return List.of("no virtual switches in the inventory");
        }
        return inventory.cluster().virtualSwitches().stream()
                .map(v -> "switch **" + v.name() + "** on uplink NIC '" + v.network() + "'"
                        + ", AllowManagementOS " + (v.allowManagementOs() ? "True" : "False")
                        + v.vlanId().map(id -> ", VLAN " + id).orElse("") + ", on "
                        + inventory.network(v.network()).map(this::hostsWith).orElse(nodeNames()))
                .toList();
    }

    private List<String> clusterNetworks() {
        List<String> out = new ArrayList<>();
        for (Network net : inventory.networks()) {
            net.subnet().ifPresent(s -> out.add("'" + net.name() + "' " + s + " (" + net.purpose().toString().toLowerCase(Locale.ROOT)
                    .replace('_', '-') + ")"));
        }
        return out;
    }

    /** "'CSV1' serial CSV-01-01, 500 GB", the identifiers Get-Disk shows. */
    private static String disk(DiskSpec d) {
        StringBuilder b = new StringBuilder("'").append(d.label()).append("'");
        d.serial().ifPresent(s -> b.append(" serial ").append(s)
                .append(" (`Get-Disk | Where-Object SerialNumber -eq ").append(psQuoted(s)).append("`)"));
        d.uniqueId().ifPresent(u -> b.append(" UniqueId ").append(u)
                .append(" (`Get-Disk | Where-Object UniqueId -eq ").append(psQuoted(u)).append("`)"));
        d.sizeBytes().ifPresent(n -> b.append(", ").append(size(n)));
        return b.toString();
    }

    private static String size(long bytes) {
        long gib = 1L << 30;
        return bytes % gib == 0 ? bytes / gib + " GB" : bytes / (1L << 20) + " MB";
    }

    private String uplinkList() {
        List<Network> nets = inventory.networksWith(NetworkPurpose.VIRTUAL_SWITCH);
        return nets.isEmpty() ? "(no virtual-switch NIC in this inventory)"
                : nets.stream().map(n -> psQuoted(n.name())).collect(Collectors.joining(","));
    }

    private String hostsWith(Network net) {
        return inventory.hosts().stream().filter(h -> h.nic(net.name()).isPresent()).map(Host::name).collect(Collectors.joining(", "));
    }

    private String nodeNames() {
        return inventory.hosts().stream().map(Host::name).collect(Collectors.joining(", "));
    }

    private static Optional<Ipv4> ip(Host h, Network net) {
        return h.nic(net.name()).flatMap(HostNic::ip);
    }

    /** A PowerShell single-quoted literal, for commands the admin copies. */
    private static String psQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
