package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.MacAddress;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.check.KeySuggestion;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules for every host's NICs: each network mapped once to its own adapter, MACs and addresses well placed and
 * unique across the whole inventory.
 */
final class NicRules {

    private NicRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        Map<String, NetworkDocument> networks = new LinkedHashMap<>();
        for (NetworkDocument n : d.networks()) {
            if (n.name() != null) {
                networks.putIfAbsent(n.name().value(), n);
            }
        }
        // A network whose name could not be read (reported) would make every host's NIC for it look unknown.
        boolean namesReadable = d.networksReadable() && d.networks().stream().allMatch(n -> n.name() != null);
        Map<MacAddress, Located<MacAddress>> macs = new HashMap<>();
        for (HostDocument h : d.hosts()) {
            if (h.nicsAt() == null) {
                continue;
            }
            if (namesReadable) {
                missingNetworks(h, networks, problems);
            }
            Map<String, NicDocument> adapterNames = new HashMap<>();
            for (NicDocument nic : h.nics()) {
                NetworkDocument network = networks.get(nic.network());
                if (network == null && namesReadable) {
                    unknownNetwork(nic, networks, problems);
                }
                identification(nic, adapterNames, problems);
                if (nic.mac() != null) {
                    mac(nic.mac(), macs, problems);
                }
                if (network != null) {
                    ip(nic, network, problems);
                }
            }
        }
        uniqueAddresses(d, problems);
    }

    private static void missingNetworks(HostDocument h, Map<String, NetworkDocument> networks, Problems problems) {
        List<String> missing = new ArrayList<>();
        for (String name : networks.keySet()) {
            if (h.nics().stream().noneMatch(n -> n.network().equals(name))) {
                missing.add("'" + ShownText.value(name) + "'");
            }
        }
        if (!missing.isEmpty()) {
            problems.add(h.nicsAt().error("no NIC for network " + String.join(", ", missing)
                    + "; every host maps every network"));
        }
    }

    private static void unknownNetwork(NicDocument nic, Map<String, NetworkDocument> networks, Problems problems) {
        String hint = KeySuggestion.closest(nic.network(), networks.keySet()).map(k -> "; did you mean '" + ShownText.value(k) + "'?")
                .orElse(" (networks: " + String.join(", ", networks.keySet()) + ")");
        problems.add(nic.at().error("no network named '" + ShownText.value(nic.network()) + "'" + hint));
    }

    private static void identification(NicDocument nic, Map<String, NicDocument> adapterNames, Problems problems) {
        if (nic.mac() == null && nic.currentName() == null && !nic.hasUnreadableMac()) {
            problems.add(nic.at().error("needs mac or name to identify the adapter"));
        }
        if (nic.currentName() == null) {
            return;
        }
        if (nic.mac() != null || nic.hasUnreadableMac()) {
            problems.add(nic.currentName().error("give mac or name, not both"));
            return;
        }
        String name = nic.currentName().value();
        if (name.isBlank()) {
            problems.add(nic.currentName().error("must not be empty"));
            return;
        }
        NicDocument first = adapterNames.putIfAbsent(name.toLowerCase(Locale.ROOT), nic);
        if (first != null) {
            problems.add(nic.currentName().error("adapter '" + ShownText.value(name) + "' is already used by " + first.at().path()
                    + "; each network needs its own NIC"));
        }
    }

    private static void mac(Located<MacAddress> mac, Map<MacAddress, Located<MacAddress>> seen, Problems problems) {
        int firstOctet = Integer.parseInt(mac.value().value().substring(0, 2), 16);
        if (mac.value().value().equals("00-00-00-00-00-00")) {
            problems.add(mac.error(mac.value() + " is not a NIC's MAC address"));
            return;
        }
        if ((firstOctet & 1) == 1) {
            problems.add(mac.error(mac.value() + " is a multicast address; a NIC's MAC address is unicast"));
            return;
        }
        Located<MacAddress> first = seen.putIfAbsent(mac.value(), mac);
        if (first != null) {
            problems.add(mac.error("MAC " + mac.value() + " is already used by " + parentPath(first.path())
                    + "; each network needs its own NIC"));
        }
    }

    private static void ip(NicDocument nic, NetworkDocument network, Problems problems) {
        boolean switchUplink = network.is(NetworkPurpose.VIRTUAL_SWITCH);
        if (switchUplink && nic.ip() != null) {
            problems.add(nic.ip().error("a virtual-switch network carries no host address; remove ip"));
            return;
        }
        if (nic.ip() == null) {
            if (!switchUplink && network.subnet() != null && !nic.hasUnreadableIp()) {
                problems.add(nic.at().child("ip").error("is required: network '" + ShownText.value(nic.network()) + "' has subnet "
                        + network.subnet().value()));
            }
            return;
        }
        if (network.subnet() != null) {
            NetworkRules.usableAddress(nic.ip(), network.subnet().value(), "'" + ShownText.value(nic.network()) + "'", problems);
        }
    }

    /** Every static IPv4 the plan assigns or relies on; a second use of one is an error at the later one. */
    private static void uniqueAddresses(InventoryDocument d, Problems problems) {
        List<Located<Ipv4>> claims = new ArrayList<>();
        if (d.cluster() != null && d.cluster().address() != null) {
            claims.add(d.cluster().address());
        }
        for (NetworkDocument n : d.networks()) {
            if (n.gateway() != null) {
                claims.add(n.gateway());
            }
        }
        for (HostDocument h : d.hosts()) {
            for (NicDocument nic : h.nics()) {
                if (nic.ip() != null) {
                    claims.add(nic.ip());
                }
            }
        }
        claims.sort(Comparator.comparingInt((Located<Ipv4> l) -> l.at().line()).thenComparingInt(l -> l.at().column()));
        Map<Ipv4, Located<Ipv4>> seen = new HashMap<>();
        for (Located<Ipv4> claim : claims) {
            Located<Ipv4> first = seen.putIfAbsent(claim.value(), claim);
            if (first != null) {
                problems.add(claim.error(claim.value() + " is already used by " + first.path()));
            }
        }
    }

    private static String parentPath(String path) {
        return path.substring(0, path.lastIndexOf('.'));
    }
}
