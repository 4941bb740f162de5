package io.hvcluster.windows;

/**
 * {@code Set-VMNetworkAdapterVlan -ManagementOS -VMNetworkAdapterName <adapterName> -Access -VlanId <vlanId>}.
 *
 * @param adapterName the host adapter, by its VM network adapter name (the switch's name)
 * @param vlanId      the access VLAN
 */
public record SetVMNetworkAdapterVlan(String adapterName, int vlanId) implements WindowsOp {
}
