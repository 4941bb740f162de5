package io.hvcluster.sim.host;

import io.hvcluster.windows.NewVMSwitch;
import io.hvcluster.windows.SetVMNetworkAdapterVlan;
import io.hvcluster.windows.SetVMSwitch;
import java.util.List;

/**
 * The simulator's Hyper-V switch cmdlets (docs/windows-behaviour.md, "The host vNIC of a shared switch"): binding a NIC
 * gives it vms_pp and takes IPv4/IPv6 off it; with AllowManagementOS a "vEthernet (name)" adapter carries the uplink's
 * MAC and its IP configuration (DHCP on, so an APIPA address when no DHCP server answers; DNS registration on), and
 * binding the NIC the WinRM session runs over cuts the session.
 */
final class VMSwitchCmdlets {

    private VMSwitchCmdlets() {
    }

    /** New-VMSwitch -NetAdapterInterfaceDescription: an external switch. */
    static void newVMSwitch(StepRun run, NewVMSwitch op) throws StepFailure {
        WindowsHost host = run.host;
        NetAdapter uplink = uplink(host, op.netAdapterInterfaceDescription());
        VirtualSwitch sw = new VirtualSwitch();
        sw.name = op.name();
        sw.adapterDescription = uplink.description;
        host.switches.add(sw);
        uplink.bindings.put(Bindings.SWITCH, true);
        uplink.bindings.put(Bindings.IPV4, false);
        uplink.bindings.put(Bindings.IPV6, false);
        boolean session = host.sessionAddress != null && uplink.ipv4.stream().anyMatch(a -> a.address.equals(host.sessionAddress));
        setManagementOs(host, sw, uplink, op.allowManagementOs());
        run.change("created external switch '" + op.name() + "' on '" + uplink.name + "'");
        if (session) {
            // Only reachable without the plan's guard: the session's address moved or vanished under it.
            throw new StepFailure("The WinRM client cannot process the request: the connection to " + host.name + " was lost");
        }
    }

    /** Set-VMSwitch -AllowManagementOS: the host adapter appears, or goes with its addresses. */
    static void setVMSwitch(StepRun run, SetVMSwitch op) throws StepFailure {
        VirtualSwitch sw = existing(run.host, op.name());
        setManagementOs(run.host, sw, uplink(run.host, sw.adapterDescription), op.allowManagementOs());
        // "$true" interpolated into a PowerShell string reads "True".
        run.change("set AllowManagementOS to " + (op.allowManagementOs() ? "True" : "False") + " on switch '" + sw.name + "'");
    }

    /** Set-VMNetworkAdapterVlan -ManagementOS -Access. */
    static void setVMNetworkAdapterVlan(StepRun run, SetVMNetworkAdapterVlan op) throws StepFailure {
        VirtualSwitch sw = existing(run.host, op.adapterName());
        sw.hostVlanMode = "Access";
        sw.hostAccessVlanId = op.vlanId();
        run.change("set access VLAN " + op.vlanId() + " on the host adapter of switch '" + sw.name + "'");
    }

    private static VirtualSwitch existing(WindowsHost host, String name) throws StepFailure {
        return host.switches.stream().filter(x -> x.name.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new StepFailure("Hyper-V was unable to find a virtual switch with name \"" + name + "\"."));
    }

    private static NetAdapter uplink(WindowsHost host, String description) throws StepFailure {
        List<NetAdapter> found = host.visibleAdapters().stream().filter(a -> a.description.equalsIgnoreCase(description)).toList();
        if (found.size() != 1) {
            throw new StepFailure("No MSFT_NetAdapter objects found with property 'InterfaceDescription' equal to '" + description
                    + "'.  Verify the value of the property and retry.");
        }
        return found.get(0);
    }

    /** The host vNIC appears or goes; the uplink's IPv4 configuration moves to it (and is lost without it). */
    private static void setManagementOs(WindowsHost host, VirtualSwitch sw, NetAdapter uplink, boolean allow) {
        sw.allowManagementOs = allow;
        String vnicName = "vEthernet (" + sw.name + ")";
        if (!allow) {
            host.adapters.removeIf(a -> a.name.equals(vnicName) && !a.physical());
            sw.hostVlanMode = "Untagged";
            sw.hostAccessVlanId = 0;
            uplink.ipv4.clear();
            return;
        }
        NetAdapter v = new NetAdapter();
        long existing = host.adapters.stream().filter(a -> a.description.startsWith(NetAdapter.VIRTUAL_ETHERNET)).count();
        v.name = vnicName;
        v.description = existing == 0 ? NetAdapter.VIRTUAL_ETHERNET : NetAdapter.VIRTUAL_ETHERNET + " #" + (existing + 1);
        v.mac = uplink.mac;
        v.ifIndex = host.nextIfIndex();
        v.bindings = Bindings.freshDefaults();
        // The vNIC takes over the uplink's IP configuration; a NIC left alone by the inventory has DHCP and
        // DNS registration on (the defaults).
        v.dhcp = uplink.dhcp;
        v.registerDns = uplink.registerDns;
        v.dnsServers.addAll(uplink.dnsServers);
        v.defaultGateway = uplink.defaultGateway;
        v.persistentDefaultGateway = uplink.persistentDefaultGateway;
        v.ipv4.addAll(uplink.ipv4);
        if (v.ipv4.isEmpty() && v.dhcp) {
            v.ipv4.add(new NetAdapter.AssignedAddress("169.254." + (1 + Math.abs(sw.name.hashCode()) % 254) + "."
                    + (1 + Math.abs(host.name.hashCode()) % 254), 16, "WellKnown", "Preferred"));
        }
        uplink.ipv4.clear();
        uplink.defaultGateway = null;
        uplink.persistentDefaultGateway = null;
        uplink.dnsServers.clear();
        host.adapters.add(v);
    }
}
