package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The facts of every host, with the look-ups the diffs share. */
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

    /**
     * The adapter that plays {@code nic}'s role on {@code host}: by MAC among physical adapters; by its
     * current name; or, once renamed, by the role name.
     */
    public AdapterMatch adapter(Host host, HostNic nic) {
        HostFacts f = of(host.name());
        if (nic.mac().isPresent()) {
            List<HostFacts.Adapter> found = f.adaptersWithMac(nic.mac().get().value());
            if (found.size() == 1) {
                return AdapterMatch.found(found.get(0));
            }
            return AdapterMatch.missing(found.isEmpty()
                    ? "no physical adapter with MAC " + nic.mac().get() + " for '" + nic.network() + "'"
                    : found.size() + " physical adapters with MAC " + nic.mac().get() + " for '" + nic.network() + "'");
        }
        String current = nic.currentName().orElse("");
        Optional<HostFacts.Adapter> a = f.adapterNamed(current).or(() -> f.adapterNamed(nic.network()));
        return a.map(AdapterMatch::found)
                .orElseGet(() -> AdapterMatch.missing("no adapter named '" + current + "' or '" + nic.network() + "'"));
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
