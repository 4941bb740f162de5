package io.hvcluster.steps;

import io.hvcluster.facts.Delegation;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.SessionGuarded;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.SessionGuard;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
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

    /** @param adapter the (renamed) adapter; @param ipAddress dotted IPv4; @param prefixLength CIDR length */
    public record StaticAddress(String adapter, String ipAddress, int prefixLength) {
    }

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
            host.nic(n.name()).flatMap(HostNic::ip).ifPresent(ip ->
                    out.add(new StaticAddress(n.name(), ip.toString(), n.subnet().get().prefixLength())));
        }
        SessionGuard session = SessionGuard.of(inventory, host);
        return new Params(out, session.winrmPorts(), session.connectAddress());
    }

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host.name());
        HostFacts f = facts.of(host.name());
        for (StaticAddress want : parameters(facts.inventory(), host).addresses()) {
            HostNic nic = host.nic(want.adapter()).orElseThrow();
            FactsView.AdapterMatch m = facts.adapter(host, nic);
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter a = m.adapter().get();
            String on = " on '" + want.adapter() + "'";
            if (facts.carriesSession(host, a)) {
                out.problem("refusing to change '" + want.adapter() + "': the WinRM session runs over it");
                continue;
            }
            if (a.dhcp()) {
                out.change("DHCP" + on, "enabled", "disabled");
            }
            if (a.defaultRoute()) {
                out.remove("default route" + on, "0.0.0.0/0");
            }
            String wanted = want.ipAddress() + "/" + want.prefixLength();
            boolean present = false;
            for (HostFacts.IpAddress ip : a.ipv4()) {
                if (ip.address().equals(want.ipAddress()) && ip.prefixLength() == want.prefixLength()) {
                    present = true;
                    if ("Duplicate".equals(ip.state())) {
                        out.problem("another host on the network already uses " + want.ipAddress());
                    }
                } else if ("Manual".equals(ip.origin()) || "Dhcp".equals(ip.origin())) {
                    out.remove("IPv4 address" + on, ip.address() + "/" + ip.prefixLength());
                }
            }
            for (HostFacts.Adapter other : f.adapters()) {
                if (other.ifIndex() != a.ifIndex() && other.ipv4().stream().anyMatch(ip -> ip.address().equals(want.ipAddress()))) {
                    out.problem(want.ipAddress() + " is already configured on '" + other.name() + "'");
                }
            }
            if (!present) {
                out.add("IPv4 address" + on, wanted);
            }
            if (a.registerDns()) {
                out.change("DNS registration" + on, "on", "off");
            }
            if (!a.dnsServers().isEmpty()) {
                out.remove("DNS servers" + on, String.join(", ", a.dnsServers()));
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
