package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.Subnet;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rules for {@code networks}: names, the roles the guide requires, addressing per purpose, overlaps. */
final class NetworkRules {

    /** The roles the guide requires on every node. */
    static final Set<NetworkPurpose> REQUIRED =
            EnumSet.of(NetworkPurpose.MANAGEMENT, NetworkPurpose.CLUSTER, NetworkPurpose.VIRTUAL_SWITCH);

    private NetworkRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        List<NetworkDocument> networks = d.networks();
        uniqueNames(networks, problems);
        for (NetworkDocument n : networks) {
            addressing(n, problems);
        }
        managementCount(networks, problems);
        requiredPurposes(d, problems);
        overlaps(networks, problems);
    }

    private static void uniqueNames(List<NetworkDocument> networks, Problems problems) {
        Map<String, NetworkDocument> seen = new HashMap<>();
        for (NetworkDocument n : networks) {
            if (n.name() == null) {
                continue;
            }
            String name = n.name().value();
            if (name.isBlank()) {
                problems.add(n.name().error("must not be empty"));
                continue;
            }
            if (!name.equals(name.strip())) {
                problems.add(n.name().error("'" + ShownText.value(name) + "' has leading or trailing spaces; Windows adapter names "
                        + "would not match"));
            }
            NetworkDocument first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), n);
            if (first != null) {
                problems.add(n.name().error("duplicate network name '" + ShownText.value(name) + "' (" + first.at().path() + " is '"
                        + first.name().value() + "'; adapter names ignore case)"));
            }
        }
    }

    private static void addressing(NetworkDocument n, Problems problems) {
        if (n.purpose() == null) {
            return;
        }
        NetworkPurpose purpose = n.purpose().value();
        if (purpose == NetworkPurpose.VIRTUAL_SWITCH && n.subnet() != null) {
            problems.add(n.subnet().error("a virtual-switch network has no subnet: its NIC becomes the switch "
                    + "uplink and carries no host address"));
        }
        // A subnet that failed to parse was already reported; "is required" on top would mislead.
        if (purpose != NetworkPurpose.VIRTUAL_SWITCH && n.subnetAt() == null) {
            problems.add(n.at().child("subnet").error("is required for a " + purpose.yamlName() + " network"));
        }
        if (n.subnet() != null && n.subnet().value().prefixLength() >= 31) {
            problems.add(n.subnet().error("a /" + n.subnet().value().prefixLength()
                    + " subnet leaves no room for host addresses; use /30 or shorter"));
        }
        if (purpose != NetworkPurpose.MANAGEMENT) {
            if (n.gateway() != null) {
                problems.add(n.gateway().error("only the management network has a gateway; a " + purpose.yamlName()
                        + " network is never routed"));
            }
            if (n.dnsAt() != null) {
                problems.add(n.dnsAt().error("only the management network has DNS servers; a " + purpose.yamlName()
                        + " network does not register in DNS"));
            }
        } else if (n.gateway() != null && n.subnet() != null) {
            usableAddress(n.gateway(), n.subnet().value(), "management", problems);
        }
    }

    /** An address a machine can hold in {@code subnet}: inside it, neither its network nor broadcast address. */
    static boolean usableAddress(Located<Ipv4> ip, Subnet subnet, String subnetName, Problems problems) {
        Ipv4 v = ip.value();
        if (!subnet.contains(v)) {
            problems.add(ip.error(v + " is not in the " + subnetName + " subnet " + subnet));
            return false;
        }
        if (v.equals(subnet.network())) {
            problems.add(ip.error(v + " is the network address of " + subnet + "; a host cannot use it"));
            return false;
        }
        if (v.equals(subnet.broadcast())) {
            problems.add(ip.error(v + " is the broadcast address of " + subnet + "; a host cannot use it"));
            return false;
        }
        return true;
    }

    private static void managementCount(List<NetworkDocument> networks, Problems problems) {
        NetworkDocument first = null;
        for (NetworkDocument n : networks) {
            if (!n.is(NetworkPurpose.MANAGEMENT)) {
                continue;
            }
            if (first == null) {
                first = n;
            } else {
                problems.add(n.purpose().error("a second management network; exactly one is allowed ("
                        + first.at().path() + " is the first)"));
            }
        }
    }

    private static void requiredPurposes(InventoryDocument d, Problems problems) {
        if (!d.networksReadable()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (NetworkPurpose p : REQUIRED) {
            if (d.networks().stream().noneMatch(n -> n.is(p))) {
                missing.add(p.yamlName());
            }
        }
        boolean unreadable = d.networks().stream().anyMatch(n -> n.purpose() == null);
        if (!missing.isEmpty() && !unreadable) {
            problems.add(d.networksAt().error("no network with purpose " + String.join(", ", missing)
                    + "; the guide requires management, cluster and virtual-switch networks"));
        }
    }

    private static void overlaps(List<NetworkDocument> networks, Problems problems) {
        for (int j = 0; j < networks.size(); j++) {
            Located<Subnet> later = networks.get(j).subnet();
            if (later == null) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                Located<Subnet> earlier = networks.get(i).subnet();
                if (earlier != null && earlier.value().overlaps(later.value())) {
                    problems.add(later.error(later.value() + " overlaps " + networks.get(i).at().path() + " ("
                            + earlier.value() + "); every network needs its own subnet"));
                    break;
                }
            }
        }
    }
}
