package io.hvcluster.sim.host;

/**
 * One Hyper-V virtual machine, made highly available (a cluster group of type VirtualMachine) or not. Its
 * owner node is the host Get-VM lists it on. The guest's KVP items (OSName) and the network adapter's
 * DynamicMacAddressEnabled are what verify reads; the rest is what burn-in creates, moves and removes.
 */
public final class VirtualMachine {
    public String name;
    /** Set-VM -Notes: burn-in marks its own VMs here as well as by name prefix. */
    public String notes = "";
    public String ownerNode;
    /** Off or Running. */
    public String state = "Off";
    /** Whether Add-ClusterVirtualMachineRole made it a cluster role. */
    public boolean clustered;
    /** The folder holding its configuration (New-VM -Path), under a CSV for a highly available VM. */
    public String path;
    /** What the guest's KVP integration service reports as OSName; "" without a guest OS. */
    public String guestOs = "";
    /** Get-VMNetworkAdapter DynamicMacAddressEnabled (Hyper-V's default is a dynamic MAC). */
    public boolean dynamicMac = true;
    /** The node it ran on before a drain moved it: Resume-ClusterNode -Failback Immediate brings it back. */
    public String failbackNode;

    public VirtualMachine() {
    }

    public VirtualMachine(String name, String ownerNode) {
        this.name = name;
        this.ownerNode = ownerNode;
    }
}
