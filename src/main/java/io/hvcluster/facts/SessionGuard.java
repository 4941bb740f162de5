package io.hvcluster.facts;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import java.util.List;

/**
 * What scripts need to find the adapter the WinRM session runs over, so that they never change it: the WinRM
 * ports (TCP connections on them mark the session's adapter) and the address the tool connects to.
 *
 * @param winrmPorts     the inventory's port, plus Windows' defaults 5985 and 5986
 * @param connectAddress the host's WinRM address as the inventory gives it
 */
public record SessionGuard(List<Integer> winrmPorts, String connectAddress) {

    public static SessionGuard of(Inventory inventory, Host host) {
        int port = inventory.connection().port();
        List<Integer> ports = port == 5985 || port == 5986 ? List.of(5985, 5986) : List.of(port, 5985, 5986);
        return new SessionGuard(ports, host.address());
    }
}
