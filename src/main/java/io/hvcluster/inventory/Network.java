package io.hvcluster.inventory;

import java.util.List;
import java.util.Optional;

/**
 * One NIC role. Its name becomes the adapter name on every host.
 *
 * @param name    adapter name on every host ("Parent", "Cluster", "Live Migration", "Virtual 1", "iSCSI 1")
 * @param purpose what the role carries
 * @param subnet  the IPv4 subnet; absent only for virtual-switch networks, which carry no host address
 * @param gateway default gateway, management only (private networks are never routed)
 * @param dns     DNS servers, management only
 */
public record Network(String name, NetworkPurpose purpose, Optional<Subnet> subnet, Optional<Ipv4> gateway, List<Ipv4> dns) {

    public Network {
        dns = List.copyOf(dns);
    }
}
