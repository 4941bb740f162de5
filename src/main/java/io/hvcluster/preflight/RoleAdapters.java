package io.hvcluster.preflight;

import io.hvcluster.facts.AdapterLookup;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.HostNic;
import java.util.List;

/** Finds the physical adapter that plays a network role on a host, as rename-adapters will. */
final class RoleAdapters {

    private RoleAdapters() {
    }

    /** As rename-adapters finds it ({@link AdapterLookup}). */
    static List<HostFacts.Adapter> find(HostFacts f, HostNic nic) {
        return AdapterLookup.of(nic).find(f);
    }

    /** How the inventory names the NIC: "MAC 00-15-5D-0A-01-02" or "the adapter named 'Ethernet 4'". */
    static String describe(HostNic nic) {
        return nic.mac().map(m -> "MAC " + m.value()).orElseGet(() -> "the adapter named '" + nic.currentName().orElse(nic.network()) + "'");
    }

    /** Whether the facts probe read the host's adapters (a failed section leaves the list empty). */
    static boolean read(HostFacts f) {
        return f.errors().stream().noneMatch(e -> e.section().equals("adapters"));
    }

    /** The make and model: the description without Windows' " #2" instance suffix. */
    static String model(HostFacts.Adapter a) {
        return a.description().replaceFirst("\\s+#\\d+$", "");
    }
}
