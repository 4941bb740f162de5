package io.hvcluster.sim.host;

import io.hvcluster.steps.CreateVirtualSwitchesStep;
import java.util.List;
import java.util.Optional;

/**
 * templates/create-virtual-switches/apply.ps1.vm around a model of New-VMSwitch: the uplink gets vms_pp and
 * loses IPv4/IPv6, and with AllowManagementOS a "vEthernet (name)" adapter carries the uplink's MAC and its IP
 * configuration: DHCP on (an APIPA address when no DHCP server answers), DNS registration on. Binding the NIC
 * the session runs over cuts the session; the script's guard refuses first.
 */
final class CreateVirtualSwitchesEffect implements StepEffect<CreateVirtualSwitchesStep.Params> {

    @Override
    public Class<CreateVirtualSwitchesStep.Params> paramsType() {
        return CreateVirtualSwitchesStep.Params.class;
    }

    @Override
    public void apply(StepRun run, CreateVirtualSwitchesStep.Params params) throws StepFailure {
        WindowsHost host = run.host;
        if (!host.vmmsStatus(run.nowMillis()).map("Running"::equals).orElse(false)) {
            throw new StepFailure("Hyper-V is not running on this host: enable-hyper-v and its restart come first");
        }
        List<String> protectedNames = SessionAdapters.find(run.dc, host, params.connectAddress(), run::warning);
        for (CreateVirtualSwitchesStep.Switch s : params.switches()) {
            String vnicName = "vEthernet (" + s.name() + ")";
            List<NetAdapter> nic = host.visibleAdapters().stream().filter(a -> a.name.equalsIgnoreCase(s.adapter())).toList();
            if (nic.size() != 1) {
                throw new StepFailure("no adapter named '" + s.adapter() + "' for switch '" + s.name() + "' (rename-adapters runs first)");
            }
            NetAdapter uplink = nic.get(0);
            Optional<VirtualSwitch> existing = host.switches.stream().filter(x -> x.name.equalsIgnoreCase(s.name())).findFirst();
            VirtualSwitch sw;
            if (existing.isPresent()) {
                sw = existing.get();
                if (!sw.switchType.equals("External")) {
                    throw new StepFailure("switch '" + s.name() + "' exists but is " + sw.switchType + ", not External");
                }
                if (!sw.adapterDescription.equalsIgnoreCase(uplink.description)) {
                    throw new StepFailure("switch '" + s.name() + "' is bound to '" + sw.adapterDescription + "', not to '" + s.adapter()
                            + "' (" + uplink.description + ")");
                }
                if (sw.allowManagementOs != s.allowManagementOs()) {
                    if (!s.allowManagementOs() && isProtected(protectedNames, vnicName)) {
                        throw new StepFailure("refusing to remove the host adapter '" + vnicName + "' of switch '" + s.name()
                                + "': this WinRM session runs over it (fix: move the host's management address to another NIC first)");
                    }
                    setManagementOs(host, sw, uplink, s.allowManagementOs());
                    run.change("set AllowManagementOS to " + psBool(s.allowManagementOs()) + " on switch '" + s.name() + "'");
                }
            } else {
                if (isProtected(protectedNames, s.adapter())) {
                    throw new StepFailure("refusing to bind switch '" + s.name() + "' to '" + s.adapter() + "': this WinRM session runs over it "
                            + "(fix: connect to the host over its management address on another NIC, or create the switch from the host's console)");
                }
                Optional<VirtualSwitch> taken = host.switches.stream().filter(x -> x.adapterDescription.equalsIgnoreCase(uplink.description)).findFirst();
                if (taken.isPresent()) {
                    throw new StepFailure("'" + s.adapter() + "' is already the uplink of switch '" + taken.get().name + "'");
                }
                sw = new VirtualSwitch();
                sw.name = s.name();
                sw.adapterDescription = uplink.description;
                host.switches.add(sw);
                uplink.bindings.put(Bindings.SWITCH, true);
                uplink.bindings.put(Bindings.IPV4, false);
                uplink.bindings.put(Bindings.IPV6, false);
                boolean session = host.sessionAddress != null && uplink.ipv4.stream().anyMatch(a -> a.address.equals(host.sessionAddress));
                setManagementOs(host, sw, uplink, s.allowManagementOs());
                run.change("created external switch '" + s.name() + "' on '" + s.adapter() + "'");
                if (session) {
                    // Only reachable without the guard: the session's address moved or vanished under it.
                    throw new StepFailure("The WinRM client cannot process the request: the connection to " + host.name + " was lost");
                }
            }
            if (s.allowManagementOs() && !isProtected(protectedNames, vnicName)) {
                Optional<NetAdapter> vnic = host.adapter(vnicName);
                if (vnic.isPresent()) {
                    NetAdapter v = vnic.get();
                    if (v.dhcp) {
                        v.dhcp = false;
                        run.change("disabled DHCP on '" + vnicName + "'");
                    }
                    for (NetAdapter.AssignedAddress ip : List.copyOf(v.ipv4)) {
                        v.ipv4.remove(ip);
                        run.change("removed " + ip.address + "/" + ip.prefixLength + " (" + ip.origin + ") from '" + vnicName + "'");
                    }
                    if (v.registerDns) {
                        v.registerDns = false;
                        run.change("turned off DNS registration on '" + vnicName + "'");
                    }
                }
            }
            if (s.allowManagementOs() && s.vlanId() > 0) {
                if (!sw.hostVlanMode.equals("Access") || sw.hostAccessVlanId != s.vlanId()) {
                    sw.hostVlanMode = "Access";
                    sw.hostAccessVlanId = s.vlanId();
                    run.change("set access VLAN " + s.vlanId() + " on the host adapter of switch '" + s.name() + "'");
                }
            }
        }
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

    private static boolean isProtected(List<String> protectedNames, String adapter) {
        return protectedNames.stream().anyMatch(p -> p.equalsIgnoreCase(adapter));
    }

    /** "$true" interpolated into a PowerShell string reads "True". */
    private static String psBool(boolean b) {
        return b ? "True" : "False";
    }
}
