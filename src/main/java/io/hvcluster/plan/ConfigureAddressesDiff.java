package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.steps.ConfigureAddressesStep;

/** configure-addresses: static address, no DHCP, no default route, no DNS registration or servers. */
final class ConfigureAddressesDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(ConfigureAddressesStep.ID, host.name());
        HostFacts f = facts.of(host.name());
        ConfigureAddressesStep.Params p = new ConfigureAddressesStep().parameters(facts.inventory(), host);
        for (ConfigureAddressesStep.StaticAddress want : p.addresses()) {
            HostNic nic = host.nic(want.adapter()).orElseThrow();
            FactsView.AdapterMatch m = facts.adapter(host, nic);
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter a = m.adapter().get();
            String label = "'" + want.adapter() + "'";
            if (f.sessionAdapters().stream().anyMatch(s -> s.equalsIgnoreCase(a.name()))) {
                out.problem("refusing to change " + label + ": the WinRM session runs over it");
                continue;
            }
            if (a.dhcp()) {
                out.change("disable DHCP on " + label);
            }
            if (a.defaultRoute()) {
                out.change("remove the default route from " + label);
            }
            boolean present = false;
            for (HostFacts.IpAddress ip : a.ipv4()) {
                boolean wanted = ip.address().equals(want.ipAddress()) && ip.prefixLength() == want.prefixLength();
                if (wanted) {
                    present = true;
                    if ("Duplicate".equals(ip.state())) {
                        out.problem("another host on the network already uses " + want.ipAddress());
                    }
                } else if ("Manual".equals(ip.origin()) || "Dhcp".equals(ip.origin())) {
                    out.change("remove " + ip.address() + "/" + ip.prefixLength() + " from " + label);
                }
            }
            for (HostFacts.Adapter other : f.adapters()) {
                if (other.ifIndex() != a.ifIndex() && other.ipv4().stream().anyMatch(ip -> ip.address().equals(want.ipAddress()))) {
                    out.problem(want.ipAddress() + " is already configured on '" + other.name() + "'");
                }
            }
            if (!present) {
                out.change("add " + want.ipAddress() + "/" + want.prefixLength() + " to " + label);
            }
            if (a.registerDns()) {
                out.change("turn off DNS registration on " + label);
            }
            if (!a.dnsServers().isEmpty()) {
                out.change("remove DNS servers " + String.join(", ", a.dnsServers()) + " from " + label);
            }
        }
        return out.toPlan();
    }
}
