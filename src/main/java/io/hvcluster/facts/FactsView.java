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

    private final String firstNode;

    public FactsView(Inventory inventory, Map<String, HostFacts> byHost) {
        this.inventory = inventory;
        this.byHost = Map.copyOf(byHost);
        this.firstNode = inventory.firstNode().name();
    }

    private FactsView(String host, HostFacts only) {
        this.inventory = null;
        this.byHost = Map.of(host, only);
        this.firstNode = host;
    }

    /**
     * The view a script has on the host it runs on: that host's facts only, no inventory. The simulator plans a step
     * with it from the parameters the script carries ({@link io.hvcluster.pipeline.Step#plan}).
     */
    public static FactsView ofHost(String host, HostFacts facts) {
        return new FactsView(host, facts);
    }

    /** @throws IllegalStateException in a script's view ({@link #ofHost}), which has none: plan from the parameters */
    public Inventory inventory() {
        if (inventory == null) {
            throw new IllegalStateException("a script's view of its host has no inventory; plan from the step's parameters");
        }
        return inventory;
    }

    /** The facts of {@code host}, when this view holds them (a script's view holds only its own host's). */
    public Optional<HostFacts> find(String host) {
        return Optional.ofNullable(byHost.get(host));
    }

    /**
     * Whether this is a script's view of the host it runs on ({@link #ofHost}). A script runs only after the steps it
     * depends on, so in its view nothing they do is still to come.
     */
    public boolean scriptView() {
        return inventory == null;
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
        HostFacts first = byHost.get(firstNode);
        if (first != null && first.clusterMember()) {
            return Optional.of(first.cluster());
        }
        if (inventory == null) {
            return Optional.empty();
        }
        return inventory.hosts().stream().map(h -> byHost.get(h.name()))
                .filter(f -> f != null && f.clusterMember()).map(HostFacts::cluster).findFirst();
    }

    /** The adapter that plays {@code nic}'s role on {@code host}, found as {@link AdapterLookup} says. */
    public AdapterMatch adapter(Host host, HostNic nic) {
        return adapter(host.name(), AdapterLookup.of(nic));
    }

    /** The adapter {@code lookup} finds on {@code host}: exactly one, or why not. */
    public AdapterMatch adapter(String host, AdapterLookup lookup) {
        List<HostFacts.Adapter> found = lookup.find(of(host));
        return found.size() == 1 ? AdapterMatch.found(found.get(0)) : AdapterMatch.missing(lookup.problem(found.size()));
    }

    /** Whether the WinRM session runs over {@code adapter}: hvcluster never changes that adapter. */
    public boolean carriesSession(Host host, HostFacts.Adapter adapter) {
        return carriesSession(host.name(), adapter);
    }

    /** Whether the WinRM session runs over {@code adapter} on {@code host}. */
    public boolean carriesSession(String host, HostFacts.Adapter adapter) {
        return of(host).sessionAdapters().stream().anyMatch(s -> s.equalsIgnoreCase(adapter.name()));
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
