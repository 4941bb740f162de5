package io.hvcluster.sim.host;

import io.hvcluster.windows.NewNetIPAddress;
import io.hvcluster.windows.RemoveNetIPAddress;
import io.hvcluster.windows.RemoveNetRoute;
import io.hvcluster.windows.SetDnsClient;
import io.hvcluster.windows.SetDnsClientServerAddress;
import io.hvcluster.windows.SetNetIPInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's NetTCPIP and DnsClient cmdlets on one interface, with the behaviour Windows has
 * (docs/windows-behaviour.md, "Addresses, routes and bindings in the simulator"): turning DHCP off drops the APIPA
 * address, a default route lives in two policy stores, a new address another host holds turns Duplicate.
 */
final class NetIpCmdlets {

    static final String DEFAULT_ROUTE = "0.0.0.0/0";

    private NetIpCmdlets() {
    }

    /** Set-NetIPInterface -Dhcp: with the DHCP client off, Windows drops the APIPA (WellKnown) address it had assigned. */
    static void setNetIPInterface(StepRun run, SetNetIPInterface op) throws StepFailure {
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        nic.dhcp = op.dhcp();
        if (!op.dhcp()) {
            nic.ipv4.removeIf(ip -> ip.origin.equals("WellKnown"));
        }
        run.change((op.dhcp() ? "enabled" : "disabled") + " DHCP on '" + nic.name + "'");
    }

    /**
     * Remove-NetRoute -PolicyStore, for each store that holds the route: a route left in the PersistentStore comes
     * back at the next restart. The change names the stores it was removed from.
     */
    static void removeNetRoute(StepRun run, RemoveNetRoute op) throws StepFailure {
        if (!op.destinationPrefix().equals(DEFAULT_ROUTE)) {
            throw new IllegalStateException("the simulator models default routes only, not " + op.destinationPrefix());
        }
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        List<String> stores = new ArrayList<>();
        if (nic.defaultGateway != null) {
            stores.add("ActiveStore");
        }
        if (nic.persistentDefaultGateway != null) {
            stores.add("PersistentStore");
        }
        if (stores.isEmpty()) {
            throw new StepFailure("No MSFT_NetRoute objects found with property 'DestinationPrefix' equal to '" + DEFAULT_ROUTE
                    + "'.  Verify the value of the property and retry.");
        }
        nic.defaultGateway = null;
        nic.persistentDefaultGateway = null;
        run.change("removed the default route from '" + nic.name + "' (" + String.join(", ", stores) + ")");
    }

    /** Remove-NetIPAddress. */
    static void removeNetIPAddress(StepRun run, RemoveNetIPAddress op) throws StepFailure {
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        boolean removed = nic.ipv4.removeIf(ip -> ip.address.equals(op.ipAddress()) && ip.prefixLength == op.prefixLength());
        if (!removed) {
            throw new StepFailure("No MSFT_NetIPAddress objects found with property 'IPAddress' equal to '" + op.ipAddress()
                    + "'.  Verify the value of the property and retry.");
        }
        run.change("removed " + op.ipAddress() + "/" + op.prefixLength() + " from '" + nic.name + "'");
    }

    /**
     * New-NetIPAddress, then duplicate address detection: an address another host already holds turns Duplicate
     * ("The address is not unique", DuplicateAddressDetectionState); the step's plan, read again, fails on it.
     */
    static void newNetIPAddress(StepRun run, NewNetIPAddress op) throws StepFailure {
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        if (nic.ipv4.stream().anyMatch(ip -> ip.address.equals(op.ipAddress()))) {
            throw new StepFailure("Instance MSFT_NetIPAddress already exists");
        }
        nic.ipv4.add(new NetAdapter.AssignedAddress(op.ipAddress(), op.prefixLength(), "Manual",
                usedByAnotherHost(run, op.ipAddress()) ? "Duplicate" : "Preferred"));
        run.change("added " + op.ipAddress() + "/" + op.prefixLength() + " to '" + nic.name + "'");
    }

    /** Duplicate address detection: another simulated host already holds the address. */
    private static boolean usedByAnotherHost(StepRun run, String ip) {
        return run.dc.hosts.values().stream().filter(h -> h != run.host)
                .flatMap(h -> h.adapters.stream()).flatMap(n -> n.ipv4.stream())
                .anyMatch(x -> x.address.equals(ip) && !x.state.equals("Duplicate"));
    }

    /** Set-DnsClient -RegisterThisConnectionsAddress. */
    static void setDnsClient(StepRun run, SetDnsClient op) throws StepFailure {
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        nic.registerDns = op.register();
        run.change("turned " + (op.register() ? "on" : "off") + " DNS registration on '" + nic.name + "'");
    }

    /** Set-DnsClientServerAddress -ResetServerAddresses. */
    static void setDnsClientServerAddress(StepRun run, SetDnsClientServerAddress op) throws StepFailure {
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        nic.dnsServers.clear();
        run.change("removed DNS servers from '" + nic.name + "'");
    }
}
