package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks read: the inventory, every host's facts, and every host's preflight probe (the first node's
 * with the AD and DNS answers). A host missing from a map did not answer that probe ({@code probeFailures} says
 * why); checks skip it there.
 */
public record PreflightInput(Inventory inventory, Map<String, HostFacts> facts, Map<String, PreflightFacts> probes,
        Map<String, String> probeFailures) {

    public PreflightInput {
        facts = Map.copyOf(facts);
        probes = Map.copyOf(probes);
        probeFailures = Map.copyOf(probeFailures);
    }

    public PreflightInput(Inventory inventory, Map<String, HostFacts> facts, Map<String, PreflightFacts> probes) {
        this(inventory, facts, probes, Map.of());
    }

    /** The facts of each inventory host that answered, in inventory order. */
    public Map<Host, HostFacts> hostFacts() {
        Map<Host, HostFacts> m = new LinkedHashMap<>();
        for (Host h : inventory.hosts()) {
            facts(h).ifPresent(f -> m.put(h, f));
        }
        return m;
    }

    public Optional<HostFacts> facts(Host host) {
        return facts.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(host.name())).map(Map.Entry::getValue).findFirst();
    }

    public Optional<PreflightFacts> probe(Host host) {
        return probes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(host.name())).map(Map.Entry::getValue).findFirst();
    }

    /** Whether some node already runs the inventory's cluster: a re-run, where its name is of course taken. */
    public boolean clusterExists() {
        String name = inventory.cluster().name();
        return facts.values().stream().anyMatch(f -> f.clusterMember() && f.cluster().name().equalsIgnoreCase(name));
    }

    /** Hosts of the inventory, in order. */
    public List<Host> hosts() {
        return inventory.hosts();
    }
}
