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
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.NewNetIPAddress;
import io.hvcluster.windows.RemoveNetIPAddress;
import io.hvcluster.windows.RemoveNetRoute;
import io.hvcluster.windows.SetDnsClient;
import io.hvcluster.windows.SetDnsClientServerAddress;
import io.hvcluster.windows.SetNetIPInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Step 2: static IPv4 on the private networks (cluster, live migration, iSCSI): no gateway, no DNS
 * registration. Management addressing is the admin's and is never touched, nor is any adapter the WinRM
 * session runs over.
 */
public final class ConfigureAddressesStep implements Step<ConfigureAddressesStep.Params> {

    public static final String ID = "configure-addresses";

    /**
     * @param addresses      one per privately addressed role
     * @param winrmPorts     ports whose TCP connections mark the session's adapter as untouchable
     * @param connectAddress the address the tool connects to (protects its adapter too)
     */
    public record Params(List<StaticAddress> addresses, List<Integer> winrmPorts, String connectAddress) implements SessionGuarded {
    }

    /**
     * @param adapter      the role's name, which the adapter carries once renamed (the template finds it by that name)
     * @param ipAddress    dotted IPv4
     * @param prefixLength CIDR length
     * @param mac          the role's MAC as the inventory gives it, "" when the inventory names the NIC instead
     * @param currentName  the NIC's name before rename-adapters ran, "" when the inventory gives a MAC
     */
    public record StaticAddress(String adapter, String ipAddress, int prefixLength, String mac, String currentName) {

        public StaticAddress {
            mac = mac == null ? "" : mac;
            currentName = currentName == null ? "" : currentName;
        }

        /** An address for the adapter that already carries the role's name. */
        public StaticAddress(String adapter, String ipAddress, int prefixLength) {
            this(adapter, ipAddress, prefixLength, "", "");
        }

        /** How the plan finds the adapter: as rename-adapters does, so a plan made before the rename finds it too. */
        AdapterLookup lookup() {
            return new AdapterLookup(mac, currentName, adapter);
        }
    }

    private static final String DEFAULT_ROUTE = "0.0.0.0/0";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Address the cluster, live-migration and iSCSI networks";
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
        List<StaticAddress> out = new ArrayList<>();
        for (Network n : inventory.networks()) {
            if (!n.purpose().addressedByTool() || n.subnet().isEmpty()) {
                continue;
            }
            host.nic(n.name()).ifPresent(nic -> nic.ip().ifPresent(ip -> {
                AdapterLookup lookup = AdapterLookup.of(nic);
                out.add(new StaticAddress(n.name(), ip.toString(), n.subnet().get().prefixLength(), lookup.mac(), lookup.currentName()));
            }));
        }
        SessionGuard session = SessionGuard.of(inventory, host);
        return new Params(out, session.winrmPorts(), session.connectAddress());
    }

    @Override
    public StepPlan plan(String host, Params params, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts f = facts.of(host);
        for (StaticAddress want : params.addresses()) {
            FactsView.AdapterMatch m = facts.adapter(host, want.lookup());
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter a = m.adapter().get();
            int idx = a.ifIndex();
            String on = " on '" + want.adapter() + "'";
            if (facts.carriesSession(host, a)) {
                out.problem("refusing to change '" + want.adapter() + "': the WinRM session runs over it");
                continue;
            }
            if (a.dhcp()) {
                out.change("DHCP" + on, "enabled", "disabled").by(new SetNetIPInterface(idx, false));
            }
            if (a.defaultRoute()) {
                out.remove("default route" + on, DEFAULT_ROUTE).by(new RemoveNetRoute(idx, DEFAULT_ROUTE));
            }
            String wanted = want.ipAddress() + "/" + want.prefixLength();
            boolean present = false;
            for (HostFacts.IpAddress ip : a.ipv4()) {
                if (ip.address().equals(want.ipAddress()) && ip.prefixLength() == want.prefixLength()) {
                    present = true;
                    if ("Duplicate".equals(ip.state())) {
                        // The template's words: duplicate address detection found the address on another host.
                        out.problem("another host on the network already uses " + want.ipAddress() + " (address state Duplicate"
                                + on + ")");
                    }
                } else if ("Manual".equals(ip.origin()) || "Dhcp".equals(ip.origin())) {
                    out.remove("IPv4 address" + on, ip.address() + "/" + ip.prefixLength())
                            .by(new RemoveNetIPAddress(idx, ip.address(), ip.prefixLength()));
                }
            }
            for (HostFacts.Adapter other : f.adapters()) {
                if (other.ifIndex() != idx && other.ipv4().stream().anyMatch(ip -> ip.address().equals(want.ipAddress()))) {
                    out.problem(want.ipAddress() + " is already configured on '" + other.name() + "'");
                }
            }
            if (!present) {
                out.add("IPv4 address" + on, wanted).by(new NewNetIPAddress(idx, want.ipAddress(), want.prefixLength()));
            }
            if (a.registerDns()) {
                out.change("DNS registration" + on, "on", "off").by(new SetDnsClient(idx, false));
            }
            if (!a.dnsServers().isEmpty()) {
                out.remove("DNS servers" + on, String.join(", ", a.dnsServers())).by(new SetDnsClientServerAddress(idx));
            }
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-NetIPAddress -AddressFamily IPv4 shows each private address as Manual/Preferred (not Duplicate).",
                "Get-DnsClient shows RegisterThisConnectionsAddress False on the private adapters.",
                "Ping every other node on each private network (the guide: \"ping test everything\").");
    }
}
