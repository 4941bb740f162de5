package io.hvcluster.inventory;

import java.util.Optional;

/**
 * An external Hyper-V switch, created with the same name on every host.
 *
 * @param name              the switch name (identical on all hosts, so VMs can live-migrate)
 * @param network           the name of the virtual-switch network whose NIC is the uplink
 * @param allowManagementOs whether the host shares the NIC (a vEthernet adapter for the parent)
 * @param vlanId            the access VLAN of the host's vNIC, if any (1-4094)
 */
public record VirtualSwitchSpec(String name, String network, boolean allowManagementOs, Optional<Integer> vlanId) {
}
