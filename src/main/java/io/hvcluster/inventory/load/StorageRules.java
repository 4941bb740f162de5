package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.MpioMode;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.StorageKind;
import io.hvcluster.inventory.Subnet;
import io.hvcluster.inventory.check.Problems;
import io.hvcluster.inventory.check.ShownText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for {@code storage:}: what each kind allows, every portal reachable from an iSCSI network, every host with
 * a path to every target, and MPIO consistent with the paths a host has (docs/inventory.md, "storage").
 */
final class StorageRules {

    /** RFC 3720 3.2.6: iSCSI names are at most 223 bytes and start with a type designator. */
    static final int MAX_IQN = 223;
    private static final Pattern IQN = Pattern.compile("(iqn\\.[0-9]{4}-[0-9]{2}\\.[^\\s]+|eui\\.[0-9A-Fa-f]{16}|naa\\.[0-9A-Fa-f]{16,32})");

    private StorageRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        StorageDocument s = d.storage();
        if (s == null) {
            // The documented default: no section, nothing connected (docs/inventory.md, "storage").
            return;
        }
        if (s.kind() == null) {
            return;
        }
        if (s.kind().value() != StorageKind.ISCSI) {
            notForThisKind(s, problems);
            return;
        }
        List<Subnet> iscsiSubnets = iscsiSubnets(d);
        if (d.networksReadable() && iscsiSubnets.isEmpty() && d.networks().stream().noneMatch(n -> n.is(NetworkPurpose.ISCSI))) {
            problems.add(s.kind().error("kind iscsi needs a network with purpose iscsi (the NICs the sessions run over)"));
        }
        if (s.targetsAt() == null) {
            problems.add(s.at().child("targets").error("is required for kind iscsi: list each target with its portals"));
            return;
        }
        if (s.targets().isEmpty()) {
            problems.add(s.targetsAt().error("list at least one target with its portals"));
            return;
        }
        Map<String, StorageDocument.TargetDocument> iqns = new HashMap<>();
        for (StorageDocument.TargetDocument t : s.targets()) {
            iqn(t, iqns, problems);
            portals(t, iscsiSubnets, d.networksReadable(), problems);
        }
        chap(s, problems);
        paths(d, s, problems);
    }

    private static void notForThisKind(StorageDocument s, Problems problems) {
        String kind = s.kind().value().shown();
        if (s.targetsAt() != null) {
            problems.add(s.targetsAt().error(kind + " LUNs are visible without logging on to a target; remove targets, or use "
                    + "kind: iscsi"));
        }
        if (s.chap() != null) {
            problems.add(s.chap().at().error("CHAP is for iSCSI targets; remove it, or use kind: iscsi"));
        }
        if (s.mpio() != null && s.mpio().value() == MpioMode.ON) {
            problems.add(s.mpio().error("hvcluster sets up Multipath-IO for iSCSI only; for " + kind + " use the array vendor's "
                    + "DSM or New-MSDSMSupportedHW by hand, and set mpio: false"));
        }
    }

    private static void iqn(StorageDocument.TargetDocument t, Map<String, StorageDocument.TargetDocument> seen, Problems problems) {
        Located<String> iqn = t.iqn();
        if (iqn == null) {
            return;
        }
        String v = iqn.value().trim();
        if (v.length() > MAX_IQN || !IQN.matcher(v).matches()) {
            problems.add(iqn.error("'" + ShownText.value(v) + "' is not an iSCSI name; expected iqn.YYYY-MM.reversed.domain:name "
                    + "(or eui./naa.), at most " + MAX_IQN + " characters, as the array shows it"));
            return;
        }
        StorageDocument.TargetDocument first = seen.putIfAbsent(v.toLowerCase(Locale.ROOT), t);
        if (first != null) {
            problems.add(iqn.error("target '" + ShownText.value(v) + "' is already listed at " + first.at().lineText()
                    + "; list each target once with all its portals"));
        }
    }

    private static void portals(StorageDocument.TargetDocument t, List<Subnet> iscsiSubnets, boolean networksReadable, Problems problems) {
        if (t.portalsAt() == null) {
            return;
        }
        if (t.portals().isEmpty()) {
            problems.add(t.portalsAt().error("list at least one portal address"));
            return;
        }
        Set<Ipv4> seen = new LinkedHashSet<>();
        for (Located<Ipv4> p : t.portals()) {
            if (!seen.add(p.value())) {
                problems.add(p.error("portal " + p.value() + " is listed twice for this target"));
                continue;
            }
            if (networksReadable && iscsiSubnets.stream().noneMatch(sn -> sn.contains(p.value()))) {
                problems.add(p.error("portal " + p.value() + " is not reachable from any iSCSI network: no network with purpose "
                        + "iscsi has a subnet that holds it" + (iscsiSubnets.isEmpty() ? "" : " (iSCSI subnets: "
                        + String.join(", ", iscsiSubnets.stream().map(Subnet::toString).toList()) + ")")
                        + "; iSCSI traffic is never routed"));
            }
        }
    }

    private static void chap(StorageDocument s, Problems problems) {
        StorageDocument.ChapDocument c = s.chap();
        if (c == null || c.username() == null) {
            return;
        }
        if (c.username().value().isBlank()) {
            problems.add(c.username().error("must not be empty"));
        }
    }

    /** Every host reaches every target; MPIO matches the paths it has. */
    private static void paths(InventoryDocument d, StorageDocument s, Problems problems) {
        MpioMode mpio = s.mpio() == null ? MpioMode.AUTO : s.mpio().value();
        Map<String, Subnet> iscsiNetworks = new HashMap<>();
        for (NetworkDocument n : d.networks()) {
            if (n.is(NetworkPurpose.ISCSI) && n.name() != null && n.subnet() != null) {
                iscsiNetworks.put(n.name().value(), n.subnet().value());
            }
        }
        for (HostDocument h : d.hosts()) {
            if (h.name() == null || h.nicsAt() == null) {
                continue;
            }
            String host = h.name().value();
            for (int i = 0; i < s.targets().size(); i++) {
                StorageDocument.TargetDocument t = s.targets().get(i);
                if (t.portals().isEmpty()) {
                    continue;
                }
                List<String> paths = new ArrayList<>();
                Set<String> nics = new LinkedHashSet<>();
                for (Located<Ipv4> p : t.portals()) {
                    for (NicDocument nic : h.nics()) {
                        Subnet sn = iscsiNetworks.get(nic.network());
                        if (sn != null && nic.ip() != null && sn.contains(p.value())) {
                            paths.add("'" + nic.network() + "' → " + p.value());
                            nics.add(nic.network());
                        }
                    }
                }
                String target = "storage.targets[" + i + "]";
                if (paths.isEmpty()) {
                    if (!iscsiNetworks.isEmpty()) {
                        problems.add(h.at().error(host + " has no path to " + target + ": none of its iSCSI NICs has an address in "
                                + "the subnet of a portal of that target"));
                    }
                } else if (mpio == MpioMode.OFF && paths.size() >= 2) {
                    problems.add(s.mpio().error("mpio: false, but " + host + " has " + paths.size() + " paths to " + target + " ("
                            + String.join(", ", paths) + "): each LUN would appear " + paths.size() + " times; use mpio: auto"));
                } else if (mpio == MpioMode.ON && nics.size() < 2) {
                    problems.add(s.mpio().error("mpio: true, but " + host + " reaches " + target + " through one iSCSI NIC ("
                            + String.join(", ", paths) + "): one iSCSI NIC for " + (paths.size() == 1 ? "a path" : paths.size() + " paths")
                            + " is no redundancy; give the host a second iSCSI NIC on the other portal's subnet"));
                } else if (mpio == MpioMode.AUTO && paths.size() >= 2 && nics.size() < 2) {
                    problems.add(h.at().warning(host + " reaches " + target + " through one iSCSI NIC only ('" + nics.iterator().next()
                            + "'): its " + paths.size() + " paths share it, a single point of failure"));
                }
            }
        }
    }

    private static List<Subnet> iscsiSubnets(InventoryDocument d) {
        List<Subnet> out = new ArrayList<>();
        for (NetworkDocument n : d.networks()) {
            if (n.is(NetworkPurpose.ISCSI) && n.subnet() != null) {
                out.add(n.subnet().value());
            }
        }
        return out;
    }
}
