package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.check.KeySuggestion;
import io.hvcluster.inventory.check.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rules for {@code cluster.virtualSwitches}: one external switch per virtual-switch NIC, same name everywhere. */
final class SwitchRules {

    static final int MIN_VLAN = 1;
    static final int MAX_VLAN = 4094;

    private SwitchRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        List<SwitchDocument> switches = d.cluster() == null ? List.of() : d.cluster().virtualSwitches();
        Map<String, NetworkDocument> networks = new HashMap<>();
        for (NetworkDocument n : d.networks()) {
            // A null key marks a network whose name could not be read (reported): "no network named" would mislead.
            networks.putIfAbsent(n.name() == null ? null : n.name().value(), n);
        }
        Map<String, SwitchDocument> names = new HashMap<>();
        Map<String, SwitchDocument> uplinks = new HashMap<>();
        if (!d.networksReadable()) {
            // Unreadable or missing networks (reported once): every uplink would look unknown.
            networks.put(null, null);
        }
        for (SwitchDocument s : switches) {
            if (s.name() != null) {
                name(s, names, problems);
            }
            if (s.network() != null) {
                uplink(s, networks, uplinks, problems);
            }
            if (s.vlan() != null) {
                vlan(s, problems);
            }
        }
        if (d.cluster() == null) {
            return;
        }
        for (NetworkDocument n : d.networks()) {
            if (n.is(NetworkPurpose.VIRTUAL_SWITCH) && n.name() != null && !uplinks.containsKey(n.name().value())) {
                problems.add(n.name().warning("no virtual switch uses this network; add one under "
                        + "cluster.virtualSwitches"));
            }
        }
    }

    private static void name(SwitchDocument s, Map<String, SwitchDocument> names, Problems problems) {
        String name = s.name().value();
        if (name.isBlank()) {
            problems.add(s.name().error("must not be empty"));
            return;
        }
        SwitchDocument first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), s);
        if (first != null) {
            problems.add(s.name().error("duplicate switch name '" + ShownText.value(name) + "' (" + first.at().path() + " is '"
                    + first.name().value() + "'; switch names ignore case)"));
        }
    }

    private static void uplink(SwitchDocument s, Map<String, NetworkDocument> networks,
            Map<String, SwitchDocument> uplinks, Problems problems) {
        String network = s.network().value();
        NetworkDocument n = networks.get(network);
        if (n == null && networks.containsKey(null)) {
            return;
        }
        if (n == null) {
            String hint = KeySuggestion.closest(network, networks.keySet()).map(k -> "; did you mean '" + ShownText.value(k) + "'?")
                    .orElse("; define it under networks with purpose virtual-switch");
            problems.add(s.network().error("no network named '" + ShownText.value(network) + "'" + hint));
            return;
        }
        if (n.purpose() != null && n.purpose().value() != NetworkPurpose.VIRTUAL_SWITCH) {
            problems.add(s.network().error("'" + ShownText.value(network) + "' has purpose " + n.purpose().value().yamlName()
                    + "; a switch needs a network with purpose virtual-switch"));
            return;
        }
        SwitchDocument first = uplinks.putIfAbsent(network, s);
        if (first != null) {
            problems.add(s.network().error("'" + ShownText.value(network) + "' is already the uplink of " + first.at().path()
                    + "; a NIC carries one external switch"));
        }
    }

    private static void vlan(SwitchDocument s, Problems problems) {
        long vlan = s.vlan().value();
        if (vlan < MIN_VLAN || vlan > MAX_VLAN) {
            problems.add(s.vlan().error(vlan + " is not a VLAN id; expected " + MIN_VLAN + "-" + MAX_VLAN));
        } else if (!Located.valueOr(s.allowManagementOs(), false)) {
            problems.add(s.vlan().warning("vlan tags the management OS adapter, which allowManagementOS: false does "
                    + "not create; it has no effect"));
        }
    }
}
