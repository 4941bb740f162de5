package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import java.util.List;

/** Every NIC the inventory names exists on its host, exactly once, as a physical visible adapter, and is Up. */
final class NicPresenceCheck implements PreflightCheck {

    @Override
    public String id() {
        return "nic-present";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (!RoleAdapters.read(f)) {
                return;
            }
            for (HostNic nic : h.nics()) {
                List<HostFacts.Adapter> found = RoleAdapters.find(f, nic);
                String what = RoleAdapters.describe(nic) + " (network '" + nic.network() + "')";
                if (found.isEmpty()) {
                    out.error(h.name(), "no physical, visible network adapter with " + what, "the NIC the inventory names for '" + nic.network() + "'",
                            "compare hosts." + h.name() + ".nics." + nic.network() + " with the MacAddress column of Get-NetAdapter -Physical on "
                                    + h.name() + " (it lists disabled NICs too); a NIC missing there has no working driver: "
                                    + "Get-CimInstance -ClassName Win32_PnPEntity -Filter \"PNPClass='Net'\" shows its device and status");
                } else if (found.size() > 1) {
                    out.error(h.name(), found.size() + " physical adapters with " + what, "exactly one",
                            "identify the NIC by its MAC address in the inventory, or remove the team/duplicate adapter sharing it");
                } else if (!"Up".equalsIgnoreCase(found.get(0).status())) {
                    HostFacts.Adapter a = found.get(0);
                    out.error(h.name(), "adapter '" + a.name() + "' with " + what + " is " + a.status(), "Up: cable in, switch port enabled, adapter enabled",
                            "connect the cable and check the switch port of '" + a.name() + "' on " + h.name()
                                    + " (Enable-NetAdapter -Name '" + a.name() + "' if it is disabled)");
                }
            }
        });
    }
}
