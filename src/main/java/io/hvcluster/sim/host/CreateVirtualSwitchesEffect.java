package io.hvcluster.sim.host;

import io.hvcluster.steps.CreateVirtualSwitchesStep;
import java.util.List;
import java.util.Optional;

/**
 * templates/create-virtual-switches/apply.ps1.vm around a model of New-VMSwitch: the uplink gets vms_pp and
 * loses IPv4/IPv6, and with AllowManagementOS a "vEthernet (name)" adapter carries the uplink's MAC.
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
        for (CreateVirtualSwitchesStep.Switch s : params.switches()) {
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
                    setManagementOs(host, sw, uplink, s.allowManagementOs());
                    run.change("set AllowManagementOS to " + psBool(s.allowManagementOs()) + " on switch '" + s.name() + "'");
                }
            } else {
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
                setManagementOs(host, sw, uplink, s.allowManagementOs());
                run.change("created external switch '" + s.name() + "' on '" + s.adapter() + "'");
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

    /** "$true" interpolated into a PowerShell string reads "True". */
    private static String psBool(boolean b) {
        return b ? "True" : "False";
    }
}
