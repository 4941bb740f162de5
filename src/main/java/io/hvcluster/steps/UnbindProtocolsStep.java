package io.hvcluster.steps;

import io.hvcluster.facts.AdapterLookup;
import io.hvcluster.facts.Delegation;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.SessionGuarded;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.SessionGuard;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.DisableNetAdapter;
import io.hvcluster.windows.DisableNetAdapterBinding;
import java.util.List;
import java.util.Set;

/**
 * Step 3: on the future switch uplinks only, disable the bindings an unaddressed NIC does not need, so it
 * forms no stray cluster network before its switch exists. Optionally (cluster.disableUnusedAdapters) it also
 * disables the physical NICs the inventory does not name, which would otherwise form stray cluster networks too. Teaming (ms_lbfo, ms_implat), the Hyper-V
 * switch (vms_pp) and QoS stay; cluster NICs are never touched (CSV redirected I/O runs over SMB).
 */
public final class UnbindProtocolsStep implements Step<UnbindProtocolsStep.Params> {

    public static final String ID = "unbind-protocols";

    /** Bindings disabled on an uplink: IPv4, IPv6, SMB client and server, LLTD mapper and responder. */
    static final List<String> UPLINK_UNBOUND =
            List.of("ms_tcpip", "ms_tcpip6", "ms_msclient", "ms_server", "ms_lltdio", "ms_rspndr");

    /**
     * @param adapters        the uplink adapters
     * @param componentIds    bindings to disable on each
     * @param disableUnused   also disable every physical NIC the inventory does not name (cluster.disableUnusedAdapters)
     * @param namedMacs       the MACs the inventory names for this host (kept enabled)
     * @param namedAdapters   the role names and current names the inventory uses for this host (kept enabled)
     * @param uplinks         how the plan finds each uplink, as rename-adapters does (so a plan made before the rename
     *                        finds it too); the template finds it by its role name in {@code adapters}
     */
    public record Params(List<String> adapters, List<String> componentIds, List<Integer> winrmPorts, String connectAddress,
            boolean disableUnused, List<String> namedMacs, List<String> namedAdapters, List<AdapterLookup> uplinks)
            implements SessionGuarded {

        /** Parameters for uplinks that already carry their role names. */
        public Params(List<String> adapters, List<String> componentIds, List<Integer> winrmPorts, String connectAddress,
                boolean disableUnused, List<String> namedMacs, List<String> namedAdapters) {
            this(adapters, componentIds, winrmPorts, connectAddress, disableUnused, namedMacs, namedAdapters,
                    adapters.stream().map(a -> new AdapterLookup("", "", a)).toList());
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Unbind protocols from the virtual-switch NICs (and disable unused NICs if asked)";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(RenameAdaptersStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        List<String> uplinks = inventory.networksWith(NetworkPurpose.VIRTUAL_SWITCH).stream().map(Network::name).toList();
        SessionGuard session = SessionGuard.of(inventory, host);
        List<String> macs = host.nics().stream().flatMap(n -> n.mac().stream()).map(m -> m.value()).toList();
        List<String> names = new java.util.ArrayList<>();
        host.nics().forEach(n -> {
            names.add(n.network());
            n.currentName().ifPresent(names::add);
        });
        List<AdapterLookup> lookups = uplinks.stream().map(u -> AdapterLookup.of(host.nic(u).orElseThrow())).toList();
        return new Params(uplinks, UPLINK_UNBOUND, session.winrmPorts(), session.connectAddress(),
                inventory.cluster().disableUnusedAdapters(), macs, names, lookups);
    }

    @Override
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts f = facts.of(host);
        for (AdapterLookup uplink : p.uplinks()) {
            FactsView.AdapterMatch m = facts.adapter(host, uplink);
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter a = m.adapter().get();
            if (facts.carriesSession(host, a)) {
                out.problem("refusing to unbind '" + uplink.role() + "': the WinRM session runs over it");
                continue;
            }
            // In Get-NetAdapterBinding's order, as the script disables them.
            for (HostFacts.Binding b : a.bindings()) {
                if (b.enabled() && p.componentIds().stream().anyMatch(id -> id.equalsIgnoreCase(b.componentId()))) {
                    out.change("binding " + b.componentId() + " on '" + uplink.role() + "'", "enabled", "disabled")
                            .by(new DisableNetAdapterBinding(a.ifIndex(), b.componentId()));
                }
            }
        }
        if (p.disableUnused()) {
            for (HostFacts.Adapter a : f.adapters()) {
                boolean named = p.namedMacs().stream().anyMatch(mac -> mac.equalsIgnoreCase(a.mac()))
                        || p.namedAdapters().stream().anyMatch(n -> n.equalsIgnoreCase(a.name()));
                if (a.physical() && !a.hidden() && !named && !facts.carriesSession(host, a) && !"Disabled".equals(a.status())) {
                    out.change("unused adapter '" + a.name() + "' [" + a.mac() + "]", a.status(), "Disabled")
                            .by(new DisableNetAdapter(a.ifIndex()));
                }
            }
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-NetAdapterBinding -Name <uplink> shows IPv4 and IPv6 disabled on each virtual-switch NIC.");
    }
}
