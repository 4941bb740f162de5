package io.hvcluster.sim.host;

/** A Hyper-V switch as Get-VMSwitch shows it, with the VLAN of its host vNIC (Get-VMNetworkAdapterVlan -ManagementOS). */
public final class VirtualSwitch {
    public String name;
    /** External, Internal, Private. */
    public String switchType = "External";
    public String adapterDescription;
    public boolean allowManagementOs;
    /** Untagged or Access. */
    public String hostVlanMode = "Untagged";
    public int hostAccessVlanId;
}
