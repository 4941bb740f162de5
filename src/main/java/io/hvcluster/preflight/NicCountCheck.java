package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import java.util.stream.Collectors;

/** One physical NIC per network role: a host with fewer cannot carry the inventory's networks. */
final class NicCountCheck implements PreflightCheck {

    @Override
    public String id() {
        return "nic-count";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            if (!RoleAdapters.read(f)) {
                return;
            }
            long physical = f.adapters().stream().filter(a -> a.physical() && !a.hidden()).count();
            if (physical < h.nics().size()) {
                out.error(h.name(), physical + " physical network adapter(s)",
                        "at least " + h.nics().size() + ", one per network role (" + h.nics().stream().map(HostNic::network).collect(Collectors.joining(", ")) + ")",
                        "add NICs to " + h.name() + ", or let fewer roles share NICs by changing the inventory's networks");
            }
        });
    }
}
