package io.hvcluster.inventory;

import java.util.Optional;

/**
 * The physical NIC that plays a network role on one host.
 *
 * @param network     the network (role) name
 * @param mac         the NIC's MAC address, normalized to Windows' form (upper case, dash separated)
 * @param currentName the adapter's current name, when the NIC is identified by name instead of MAC
 * @param ip          the host's address on that network (absent for virtual-switch roles)
 */
public record HostNic(String network, Optional<MacAddress> mac, Optional<String> currentName, Optional<Ipv4> ip) {
}
