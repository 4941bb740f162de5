package io.hvcluster.steps;

import io.hvcluster.facts.AdapterLookup;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.SessionGuarded;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.SessionGuard;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.NewVMSwitch;
import io.hvcluster.windows.RemoveNetIPAddress;
import io.hvcluster.windows.SetDnsClient;
import io.hvcluster.windows.SetNetIPInterface;
import io.hvcluster.windows.SetVMNetworkAdapterVlan;
import io.hvcluster.windows.SetVMSwitch;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 10: on every host, an external switch with the inventory's exact name bound to the role's NIC, so
 * VMs can live-migrate between hosts. A switch bound to another NIC is reported, never re-created: that
 * would disconnect every VM on it. Binding a NIC moves its IP configuration to the host vNIC (or drops it), so a
 * switch is never bound to, nor its host vNIC removed from, the path this WinRM session runs over. With
 * allowManagementOS the host vNIC "vEthernet (name)" is left without DHCP, APIPA and DNS registration: otherwise
 * it picks up an address and becomes a stray cluster network (docs/windows-behaviour.md).
 */
public final class CreateVirtualSwitchesStep implements Step<CreateVirtualSwitchesStep.Params> {

    public static final String ID = "create-virtual-switches";

    /**
     * @param winrmPorts     ports whose TCP connections mark the session's adapter as untouchable
     * @param connectAddress the address the tool connects to (protects its adapter too)
     */
    public record Params(List<Switch> switches, List<Integer> winrmPorts, String connectAddress) implements SessionGuarded {
    }

    /**
     * @param adapter     the uplink's role name, which it carries once renamed (the template finds it by that name)
     * @param vlanId      the host vNIC's access VLAN, 0 for none
     * @param mac         the uplink's MAC as the inventory gives it, "" when the inventory names the NIC instead
     * @param currentName the uplink's name before rename-adapters ran, "" when the inventory gives a MAC
     */
    public record Switch(String name, String adapter, boolean allowManagementOs, int vlanId, String mac, String currentName) {

        public Switch {
            mac = mac == null ? "" : mac;
            currentName = currentName == null ? "" : currentName;
        }

        /** A switch on an uplink that already carries its role name. */
        public Switch(String name, String adapter, boolean allowManagementOs, int vlanId) {
            this(name, adapter, allowManagementOs, vlanId, "", "");
        }

        /** How the plan finds the uplink: as rename-adapters does, so a plan made before the rename finds it too. */
        AdapterLookup uplink() {
            return new AdapterLookup(mac, currentName, adapter);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Create the external virtual switches";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(EnableHyperVStep.ID, UnbindProtocolsStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        SessionGuard session = SessionGuard.of(inventory, host);
        return new Params(inventory.cluster().virtualSwitches().stream().map(s -> {
            AdapterLookup uplink = AdapterLookup.of(host.nic(s.network()).orElseThrow());
            return new Switch(s.name(), s.network(), s.allowManagementOs(), s.vlanId().orElse(0), uplink.mac(), uplink.currentName());
        }).toList(), session.winrmPorts(), session.connectAddress());
    }

    @Override
    public StepPlan plan(String host, Params params, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts f = facts.of(host);
        List<HostFacts.Switch> switches = f.hyperV() == null ? List.of() : f.hyperV().switches();
        for (Switch want : params.switches()) {
            FactsView.AdapterMatch m = facts.adapter(host, want.uplink());
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter uplink = m.adapter().get();
            Optional<HostFacts.Switch> sw = switches.stream().filter(s -> s.name().equalsIgnoreCase(want.name())).findFirst();
            Optional<HostFacts.Adapter> vnic = f.adapters().stream().filter(a -> !a.hidden() && a.name().equalsIgnoreCase(vnicName(want.name())))
                    .findFirst();
            boolean cutsSession = sw.isEmpty() ? facts.carriesSession(host, uplink)
                    : !want.allowManagementOs() && vnic.map(v -> facts.carriesSession(host, v)).orElse(false);
            if (cutsSession) {
                out.problem(sw.isEmpty() ? bindRefusal(want.name(), want.adapter()) : unshareRefusal(want.name()));
                continue;
            }
            if (sw.isEmpty()) {
                // -eq compares descriptions case-insensitively.
                Optional<HostFacts.Switch> taken = switches.stream()
                        .filter(s -> s.adapterDescription().equalsIgnoreCase(uplink.description())).findFirst();
                if (taken.isPresent()) {
                    out.problem("'" + want.adapter() + "' is already the uplink of switch '" + taken.get().name() + "'");
                    continue;
                }
                out.add("external switch '" + want.name() + "'", "on '" + want.adapter() + "'"
                        + (want.allowManagementOs() ? ", shared with the host" : ""))
                        .by(new NewVMSwitch(want.name(), uplink.description(), want.allowManagementOs()));
            } else {
                HostFacts.Switch s = sw.get();
                if (!"External".equals(s.switchType())) {
                    out.problem("switch '" + want.name() + "' is " + s.switchType() + ", not External");
                    continue;
                }
                if (!s.adapterDescription().equalsIgnoreCase(uplink.description())) {
                    out.problem("switch '" + want.name() + "' is bound to '" + s.adapterDescription() + "', not to '"
                            + want.adapter() + "' (hvcluster never re-creates a switch: that disconnects its VMs)");
                    continue;
                }
                if (s.allowManagementOs() != want.allowManagementOs()) {
                    out.change("AllowManagementOS of switch '" + want.name() + "'", String.valueOf(s.allowManagementOs()),
                            String.valueOf(want.allowManagementOs())).by(new SetVMSwitch(s.name(), want.allowManagementOs()));
                }
            }
            if (want.allowManagementOs()) {
                planHostVnic(out, want, vnic, vnic.map(v -> facts.carriesSession(host, v)).orElse(false));
            }
            if (want.allowManagementOs() && want.vlanId() > 0) {
                Optional<HostFacts.HostVlan> vlan = f.hyperV() == null ? Optional.empty()
                        : f.hyperV().hostVlans().stream().filter(v -> v.adapter().equals(want.name())).findFirst();
                boolean ok = vlan.map(v -> "Access".equals(v.mode()) && v.accessVlanId() == want.vlanId()).orElse(false);
                if (!ok) {
                    out.change("VLAN of the host adapter of switch '" + want.name() + "'",
                            vlan.map(v -> "Access".equals(v.mode()) ? "access " + v.accessVlanId() : v.mode()).orElse(""),
                            "access " + want.vlanId()).by(new SetVMNetworkAdapterVlan(want.name(), want.vlanId()));
                }
            }
        }
        return out.build();
    }

    /** The host vNIC New-VMSwitch -AllowManagementOS $true creates: DHCP and DNS registration on, as the uplink had them. */
    private static void planHostVnic(StepPlanBuilder out, Switch want, Optional<HostFacts.Adapter> vnic, boolean session) {
        String name = vnicName(want.name());
        if (session) {
            // The admin manages the host over this vNIC: its address is theirs, never stripped by the tool.
            return;
        }
        if (vnic.isEmpty()) {
            // No operation of its own: New-VMSwitch or Set-VMSwitch creates the adapter, and the script then reads it
            // (ifIndex and all) and makes the changes below on it.
            out.change("host adapter '" + name + "'", "", "no address, no DHCP, no DNS registration");
            return;
        }
        HostFacts.Adapter v = vnic.get();
        if (v.dhcp()) {
            out.change("DHCP on '" + name + "'", "enabled", "disabled").by(new SetNetIPInterface(v.ifIndex(), false));
        }
        for (HostFacts.IpAddress ip : v.ipv4()) {
            if (v.dhcp() && "WellKnown".equals(ip.origin())) {
                // APIPA is the DHCP client's fallback: Windows drops it when DHCP goes off, the script then finds none.
                continue;
            }
            out.remove("address on '" + name + "'", ip.address() + "/" + ip.prefixLength() + " (" + ip.origin() + ")")
                    .by(new RemoveNetIPAddress(v.ifIndex(), ip.address(), ip.prefixLength()));
        }
        if (v.registerDns()) {
            out.change("DNS registration of '" + name + "'", "on", "off").by(new SetDnsClient(v.ifIndex(), false));
        }
    }

    static String vnicName(String switchName) {
        return "vEthernet (" + switchName + ")";
    }

    /** New-VMSwitch on the session's NIC moves or drops its address: the session is cut. Same words as the script. */
    static String bindRefusal(String switchName, String adapter) {
        return "refusing to bind switch '" + switchName + "' to '" + adapter + "': this WinRM session runs over it (fix: connect "
                + "to the host over its management address on another NIC, or create the switch from the host's console)";
    }

    /** Set-VMSwitch -AllowManagementOS $false removes the host vNIC the session runs over. */
    static String unshareRefusal(String switchName) {
        return "refusing to remove the host adapter '" + vnicName(switchName) + "' of switch '" + switchName + "': this WinRM session "
                + "runs over it (fix: move the host's management address to another NIC first)";
    }

    @Override
    public List<String> checks() {
        return List.of("Get-VMSwitch shows each switch, External, on the right NIC, with the same name on every host.",
                "For a switch shared with the host: Get-NetIPAddress -InterfaceAlias 'vEthernet (*' shows no address on its host "
                        + "adapter, and Get-DnsClient -InterfaceAlias 'vEthernet (*' shows RegisterThisConnectionsAddress False.");
    }
}
