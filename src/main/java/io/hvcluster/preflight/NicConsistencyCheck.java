package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Network;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * NICs that play the same role are the same make and model, at the same link speed, on every host: a slower
 * or different NIC on one node is where live migration, CSV redirection and heartbeats will suffer first.
 */
final class NicConsistencyCheck implements PreflightCheck {

    @Override
    public String id() {
        return "nic-consistency";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        for (Network net : in.inventory().networks()) {
            Map<String, String> models = new TreeMap<>();
            Map<String, String> speeds = new TreeMap<>();
            in.hostFacts().forEach((Host h, HostFacts f) -> {
                HostNic nic = h.nic(net.name()).orElse(null);
                List<HostFacts.Adapter> found = nic == null ? List.of() : RoleAdapters.find(f, nic);
                if (found.size() != 1) {
                    return;
                }
                HostFacts.Adapter a = found.get(0);
                models.put(h.name(), RoleAdapters.model(a));
                if ("Up".equalsIgnoreCase(a.status())) {
                    speeds.put(h.name(), a.linkSpeed());
                }
            });
            if (Set.copyOf(models.values()).size() > 1) {
                out.warning(Finding.CLUSTER, "network '" + net.name() + "' uses different NIC models: " + OsEditionCheck.byValue(models),
                        "the same make and model on every host", "use the same NIC model for '" + net.name() + "' on every host (same driver and firmware too)");
            }
            if (Set.copyOf(speeds.values()).size() > 1) {
                out.warning(Finding.CLUSTER, "network '" + net.name() + "' links at different speeds: " + OsEditionCheck.byValue(speeds),
                        "the same link speed on every host", "check the cables, transceivers and switch ports of the slower NIC(s) for '" + net.name() + "'");
            }
        }
    }
}
