package io.hvcluster.sim.host;

import java.util.LinkedHashSet;
import java.util.Set;

/** A disk as Get-Disk shows it: a host's local boot disk, or a SAN LUN visible to some hosts. */
public final class SimDisk {
    public String serial;
    public String uniqueId;
    /** The GPT disk GUID without braces; empty on MBR disks. */
    public String guid;
    public long signature;
    public String partitionStyle = "GPT";
    public long sizeBytes;
    public String busType;
    public boolean boot;
    /**
     * The IQN of the iSCSI target that presents this LUN, or null (a local, Fibre Channel or SAS disk): an iSCSI LUN
     * shows on a host only over its sessions to that target, once per session until the Microsoft DSM claims it.
     */
    public String iscsiTarget;
    /** Hosts that see the disk (one for a local disk); for an iSCSI LUN, the initiators the array presents it to. */
    public Set<String> visibleTo = new LinkedHashSet<>();
}
