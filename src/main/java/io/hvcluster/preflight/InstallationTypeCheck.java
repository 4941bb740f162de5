package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Server Core and Desktop Experience nodes can share a cluster, but Test-Cluster warns and so do we. */
final class InstallationTypeCheck implements PreflightCheck {

    @Override
    public String id() {
        return "os-installation-type";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        Map<String, String> types = new TreeMap<>();
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.os() != null) {
                types.put(h.name(), f.os().installationType());
            }
        });
        if (Set.copyOf(types.values()).size() > 1) {
            out.warning(Finding.CLUSTER, "different installation types: " + OsEditionCheck.byValue(types),
                    "the same installation type (Server Core or Desktop Experience) on every node",
                    "reinstall the odd node(s) so every node is Server Core or every node has the Desktop Experience");
        }
    }
}
