package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Live migration moves a running VM between nodes: not at all between Intel and AMD (error), and between
 * processor models only with processor compatibility mode on the VM (warning).
 */
final class CpuConsistencyCheck implements PreflightCheck {

    @Override
    public String id() {
        return "cpu-consistency";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        Map<String, String> makers = new TreeMap<>();
        Map<String, String> models = new TreeMap<>();
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (f.cpu() != null) {
                makers.put(h.name(), f.cpu().manufacturer());
                models.put(h.name(), f.cpu().model());
            }
        });
        if (Set.copyOf(makers.values()).size() > 1) {
            out.error(Finding.CLUSTER, "processors from different manufacturers: " + OsEditionCheck.byValue(makers),
                    "one processor manufacturer on every node",
                    "running VMs cannot live-migrate between Intel and AMD: build the cluster from nodes with the same processor vendor");
        } else if (Set.copyOf(models.values()).size() > 1) {
            out.warning(Finding.CLUSTER, "different processor models: " + OsEditionCheck.byValue(models),
                    "the same processor model on every node",
                    "turn on processor compatibility mode on each VM while it is off (Set-VMProcessor -VMName <vm> -CompatibilityForMigrationEnabled $true) so it can live-migrate between these nodes");
        }
    }
}
