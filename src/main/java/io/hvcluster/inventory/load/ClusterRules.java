package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.check.ComputerName;
import io.hvcluster.inventory.check.DomainName;
import io.hvcluster.inventory.check.Problems;
import java.util.List;

/** Rules for the cluster's own identity: its computer name, domain and static address. */
final class ClusterRules {

    private ClusterRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        ClusterDocument c = d.cluster();
        if (c == null) {
            return;
        }
        if (c.name() != null) {
            ComputerName.problemWith(c.name().value()).ifPresent(p -> problems.add(c.name().error(p)));
            for (HostDocument h : d.hosts()) {
                if (h.name() != null && h.name().value().equalsIgnoreCase(c.name().value())) {
                    problems.add(c.name().error("'" + ShownText.value(c.name().value()) + "' is also the name of " + h.at().path()
                            + "; the cluster name object needs a computer name of its own"));
                    break;
                }
            }
        }
        if (c.domain() != null) {
            DomainName.fqdnProblem(c.domain().value()).ifPresent(p -> problems.add(c.domain().error(p)));
        }
        List<NetworkDocument> management =
                d.networks().stream().filter(n -> n.is(NetworkPurpose.MANAGEMENT)).toList();
        if (c.address() != null && management.size() == 1 && management.get(0).subnet() != null) {
            NetworkRules.usableAddress(c.address(), management.get(0).subnet().value(), "management", problems);
        }
    }
}
