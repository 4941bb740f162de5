package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureAddressesStep;
import java.util.List;

/** templates/configure-addresses/apply.ps1.vm. */
final class ConfigureAddressesEffect implements StepEffect<ConfigureAddressesStep.Params> {

    @Override
    public Class<ConfigureAddressesStep.Params> paramsType() {
        return ConfigureAddressesStep.Params.class;
    }

    @Override
    public void apply(StepRun run, ConfigureAddressesStep.Params params) throws StepFailure {
        WindowsHost host = run.host;
        List<String> protectedNames = SessionAdapters.find(run.dc, host, params.connectAddress(), run::warning);
        for (ConfigureAddressesStep.StaticAddress a : params.addresses()) {
            String name = a.adapter();
            if (protectedNames.stream().anyMatch(p -> p.equalsIgnoreCase(name))) {
                throw new StepFailure("refusing to change '" + name + "': this WinRM session runs over it");
            }
            NetAdapter nic = SessionAdapters.adapter(host, name);
            if (nic.dhcp) {
                nic.dhcp = false;
                // With DHCP off Windows drops the APIPA address it had assigned.
                nic.ipv4.removeIf(ip -> ip.origin.equals("WellKnown"));
                run.change("disabled DHCP on '" + name + "'");
            }
            // Both policy stores: a PersistentStore route would come back at the next restart.
            List<String> stores = new java.util.ArrayList<>();
            if (nic.defaultGateway != null) {
                stores.add("ActiveStore");
            }
            if (nic.persistentDefaultGateway != null) {
                stores.add("PersistentStore");
            }
            if (!stores.isEmpty()) {
                nic.defaultGateway = null;
                nic.persistentDefaultGateway = null;
                run.change("removed the default route from '" + name + "' (" + String.join(", ", stores) + ")");
            }
            List<NetAdapter.AssignedAddress> stale = nic.ipv4.stream()
                    .filter(ip -> (ip.origin.equals("Manual") || ip.origin.equals("Dhcp"))
                            && (!ip.address.equals(a.ipAddress()) || ip.prefixLength != a.prefixLength()))
                    .toList();
            for (NetAdapter.AssignedAddress s : stale) {
                nic.ipv4.remove(s);
                run.change("removed " + s.address + "/" + s.prefixLength + " from '" + name + "'");
            }
            for (NetAdapter other : host.adapters) {
                if (other.ifIndex != nic.ifIndex && other.ipv4.stream().anyMatch(ip -> ip.address.equals(a.ipAddress()))) {
                    throw new StepFailure(a.ipAddress() + " is already configured on '" + other.name + "'");
                }
            }
            var have = nic.ipv4.stream().filter(ip -> ip.address.equals(a.ipAddress())).findFirst();
            if (have.isEmpty()) {
                NetAdapter.AssignedAddress added = new NetAdapter.AssignedAddress(a.ipAddress(), a.prefixLength(), "Manual",
                        usedByAnotherHost(run, a.ipAddress()) ? "Duplicate" : "Preferred");
                nic.ipv4.add(added);
                run.change("added " + a.ipAddress() + "/" + a.prefixLength() + " to '" + name + "'");
                have = java.util.Optional.of(added);
            }
            if (have.get().state.equals("Duplicate")) {
                throw new StepFailure("another host on the network already uses " + a.ipAddress() + " (address state Duplicate on '" + name + "')");
            }
            if (nic.registerDns) {
                nic.registerDns = false;
                run.change("turned off DNS registration on '" + name + "'");
            }
            if (!nic.dnsServers.isEmpty()) {
                nic.dnsServers.clear();
                run.change("removed DNS servers from '" + name + "'");
            }
        }
    }

    /** Duplicate address detection: another simulated host already holds the address. */
    private static boolean usedByAnotherHost(StepRun run, String ip) {
        return run.dc.hosts.values().stream().filter(h -> h != run.host)
                .flatMap(h -> h.adapters.stream()).flatMap(n -> n.ipv4.stream())
                .anyMatch(x -> x.address.equals(ip) && !x.state.equals("Duplicate"));
    }
}
