package io.hvcluster.facts;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The facts of every host, with the look-ups the steps' diffs and the preflight share. */
public final class FactsView {

    private final Inventory inventory;
    private final Map<String, HostFacts> byHost;

    public FactsView(Inventory inventory, Map<String, HostFacts> byHost) {
        this.inventory = inventory;
        this.byHost = Map.copyOf(byHost);
    }

    public Inventory inventory() {
        return inventory;
    }

    public HostFacts of(String host) {
        HostFacts f = byHost.get(host);
        if (f == null) {
            throw new IllegalArgumentException("no facts for " + host);
        }
        return f;
    }

    /** The cluster as a member node sees it: the first node's view, else any member's. */
    public Optional<HostFacts.Cluster> cluster() {
        HostFacts first = byHost.get(inventory.firstNode().name());
        if (first != null && first.clusterMember()) {
            return Optional.of(first.cluster());
        }
        return inventory.hosts().stream().map(h -> byHost.get(h.name()))
                .filter(f -> f != null && f.clusterMember()).map(HostFacts::cluster).findFirst();
    }

    /** The adapter that plays {@code nic}'s role on {@code host}, found as {@link AdapterLookup} says. */
    public AdapterMatch adapter(Host host, HostNic nic) {
        AdapterLookup lookup = AdapterLookup.of(nic);
        List<HostFacts.Adapter> found = lookup.find(of(host.name()));
        return found.size() == 1 ? AdapterMatch.found(found.get(0)) : AdapterMatch.missing(lookup.problem(found.size()));
    }

    /** Whether the WinRM session runs over {@code adapter}: hvcluster never changes that adapter. */
    public boolean carriesSession(Host host, HostFacts.Adapter adapter) {
        return of(host.name()).sessionAdapters().stream().anyMatch(s -> s.equalsIgnoreCase(adapter.name()));
    }

    /** @param adapter the adapter, when found; @param problem why not, otherwise */
    public record AdapterMatch(Optional<HostFacts.Adapter> adapter, String problem) {
        static AdapterMatch found(HostFacts.Adapter a) {
            return new AdapterMatch(Optional.of(a), "");
        }

        static AdapterMatch missing(String why) {
            return new AdapterMatch(Optional.empty(), why);
        }
    }
}
