package io.hvcluster.sim.host;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A disk as Get-Disk shows it: a host's local boot disk, or a SAN LUN visible to some hosts. A new LUN is RAW, as
 * real ones are: no partition table, so no GPT GUID and no MBR signature, no partition and no volume
 * (docs/windows-behaviour.md, "Shared disks"); prepare-shared-disks initializes and formats it.
 */
public final class SimDisk {
    public String serial;
    public String uniqueId;
    /** The GPT disk GUID without braces; empty on MBR and RAW disks. */
    public String guid = "";
    /** The MBR disk signature; 0 on GPT and RAW disks. */
    public long signature;
    /** RAW (no partition table), GPT or MBR. */
    public String partitionStyle = "RAW";
    public long sizeBytes;
    public String busType;
    public boolean boot;
    public boolean readOnly;
    /** Partitions other than GPT's Microsoft Reserved one. */
    public int partitions;
    /** The file system of the first partition's volume, "" when it has none. */
    public String fileSystem = "";
    public String volumeLabel = "";
    /**
     * The IQN of the iSCSI target that presents this LUN, or null (a local, Fibre Channel or SAS disk): an iSCSI LUN
     * shows on a host only over its sessions to that target, once per session until the Microsoft DSM claims it.
     */
    public String iscsiTarget;
    /** Hosts that see the disk (one for a local disk); for an iSCSI LUN, the initiators the array presents it to. */
    public Set<String> visibleTo = new LinkedHashSet<>();
    /**
     * Hosts where the disk is online while no cluster holds it: a shared disk starts offline everywhere (SAN policy
     * OfflineShared on Windows Server); Set-Disk -IsOffline $false brings it online on one host. A boot disk is
     * always online.
     */
    public Set<String> onlineOn = new LinkedHashSet<>();

    /** Whether it has no partition table. */
    public boolean raw() {
        return partitionStyle.equals("RAW");
    }
}
