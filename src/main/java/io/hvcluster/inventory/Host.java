package io.hvcluster.inventory;

import java.util.List;
import java.util.Optional;

/**
 * A cluster node.
 *
 * @param name    the computer name (NetBIOS)
 * @param address where WinRM is reached (DNS name or IPv4)
 * @param nics    one entry per network role, in the order of the inventory's networks
 */
public record Host(String name, String address, List<HostNic> nics) {

    public Host {
        nics = List.copyOf(nics);
    }

    public Optional<HostNic> nic(String networkName) {
        return nics.stream().filter(n -> n.network().equals(networkName)).findFirst();
    }
}
