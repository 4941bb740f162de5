package io.hvcluster.inventory;

import java.util.List;
import java.util.Optional;

/**
 * One iSCSI target of the SAN.
 *
 * @param portals the target portal addresses (TCP 3260); each host reaches a portal from the iSCSI NIC whose
 *                network's subnet holds it, and one (NIC, portal) pair is one path
 * @param iqn     the target's IQN; without it, every target the portals offer to this initiator is connected
 */
public record IscsiTarget(List<Ipv4> portals, Optional<String> iqn) {

    public IscsiTarget {
        portals = List.copyOf(portals);
    }
}
