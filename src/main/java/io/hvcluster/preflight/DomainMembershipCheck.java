package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;

/** An AD-attached cluster needs every node in the inventory's domain. */
final class DomainMembershipCheck implements PreflightCheck {

    @Override
    public String id() {
        return "domain-membership";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        String domain = in.inventory().cluster().domain();
        in.hostFacts().forEach((Host h, HostFacts f) -> {
            HostFacts.SystemInfo s = f.system();
            if (s == null) {
                return;
            }
            if (!s.partOfDomain()) {
                out.error(h.name(), "in workgroup " + s.domain(), "joined to " + domain,
                        "join " + h.name() + " to " + domain + " (Add-Computer -DomainName " + domain + "), restart it, and run again");
            } else if (!s.domain().equalsIgnoreCase(domain)) {
                out.error(h.name(), "joined to " + s.domain(), "joined to " + domain + " (the inventory's cluster.domain)",
                        "move " + h.name() + " to " + domain + ", or correct cluster.domain in the inventory");
            }
        });
    }
}
