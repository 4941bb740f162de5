package io.hvcluster.preflight;

import io.hvcluster.facts.DiskIdentity;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.Inventory;
import java.util.ArrayList;
import java.util.List;

/** The inventory's shared disks and how a host's disks match them: by {@link DiskIdentity}, as the scripts do. */
final class SharedDisks {

    private SharedDisks() {
    }

    static List<DiskSpec> all(Inventory inv) {
        List<DiskSpec> all = new ArrayList<>();
        inv.cluster().witness().ifPresent(all::add);
        all.addAll(inv.cluster().sharedVolumes());
        return all;
    }

    static boolean witness(Inventory inv, DiskSpec spec) {
        return inv.cluster().witness().map(w -> w == spec).orElse(false);
    }

    static List<HostFacts.Disk> matching(HostFacts f, DiskSpec spec) {
        return DiskIdentity.of(spec).matching(f);
    }

    static String describe(DiskSpec spec) {
        List<String> ids = new ArrayList<>();
        spec.serial().ifPresent(s -> ids.add("serial " + s));
        spec.uniqueId().ifPresent(u -> ids.add("unique id " + u));
        return "disk '" + spec.label() + "' (" + String.join(", ", ids) + ")";
    }

    static boolean read(HostFacts f) {
        return f.errors().stream().noneMatch(e -> e.section().equals("disks"));
    }
}
