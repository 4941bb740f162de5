package io.hvcluster.sim.host;

import io.hvcluster.steps.SharedDiskLayout;
import io.hvcluster.windows.AddClusterDisk;
import io.hvcluster.windows.AddClusterSharedVolume;
import io.hvcluster.windows.FormatVolume;
import io.hvcluster.windows.InitializeDisk;
import io.hvcluster.windows.NewPartition;
import io.hvcluster.windows.RenameClusterResource;
import io.hvcluster.windows.SetDiskIsOffline;
import io.hvcluster.windows.SetDiskIsReadOnly;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Storage and FailoverClusters cmdlets the shared-disk steps use, on the disk and cluster model, with Windows'
 * own refusals (docs/windows-behaviour.md, "Shared disks: the simulator's cmdlets"): Initialize-Disk only
 * initializes a RAW disk (MSFT_Disk.Initialize: "The disk has already been initialized." 41001), New-Partition needs
 * an initialized disk that is online and writable, Get-ClusterAvailableDisk offers only an initialized basic disk
 * every node sees and no resource holds. The decisions (which disk, whether to format) are the steps' plans'.
 */
final class DiskCmdlets {

    private DiskCmdlets() {
    }

    /** Get-Disk -Number on this host (its own disks: Get-HvcLocalDisk). */
    static SimDisk disk(StepRun run, int number) throws StepFailure {
        return GetDisk.local(run.dc, run.host.name).stream().filter(l -> l.number().orElseThrow() == number).findFirst()
                .map(GetDisk.Listed::disk)
                .orElseThrow(() -> new StepFailure("No MSFT_Disk objects found with property 'Number' equal to '" + number
                        + "'.  Verify the value of the property and retry."));
    }

    /** How the Add-HvcChange lines name a disk: its number here, serial and size (the label is the step's). */
    private static String shown(SimDisk disk, int number) {
        return "disk " + number + " (serial " + disk.serial.trim() + ", " + SharedDiskLayout.size(disk.sizeBytes) + ")";
    }

    private static boolean onlineHere(StepRun run, SimDisk disk) {
        return disk.boot || disk.onlineOn.stream().anyMatch(h -> h.equalsIgnoreCase(run.host.name));
    }

    /** Set-Disk -IsOffline. */
    static void setDiskIsOffline(StepRun run, SetDiskIsOffline op) throws StepFailure {
        SimDisk disk = disk(run, op.number());
        if (op.isOffline()) {
            disk.onlineOn.removeIf(h -> h.equalsIgnoreCase(run.host.name));
            run.change("took " + shown(disk, op.number()) + " offline");
        } else {
            disk.onlineOn.add(run.host.name);
            run.change("brought " + shown(disk, op.number()) + " online");
        }
    }

    /** Set-Disk -IsReadOnly. */
    static void setDiskIsReadOnly(StepRun run, SetDiskIsReadOnly op) throws StepFailure {
        SimDisk disk = disk(run, op.number());
        disk.readOnly = op.isReadOnly();
        run.change("made " + shown(disk, op.number()) + (op.isReadOnly() ? " read-only" : " writable"));
    }

    /** Initialize-Disk: a RAW disk only; GPT writes a new disk GUID (and the Microsoft Reserved partition, not counted). */
    static void initializeDisk(StepRun run, InitializeDisk op) throws StepFailure {
        SimDisk disk = disk(run, op.number());
        if (!disk.raw()) {
            throw new StepFailure("The disk has already been initialized.");
        }
        writable(run, disk, op.number());
        disk.partitionStyle = op.partitionStyle();
        if (op.partitionStyle().equals("GPT")) {
            // A new GUID on Windows; derived from the LUN here so that runs repeat.
            disk.guid = UUID.nameUUIDFromBytes(("gpt/" + disk.uniqueId).getBytes(StandardCharsets.UTF_8)).toString();
        } else {
            disk.signature = Math.abs((long) disk.uniqueId.hashCode()) % 0xFFFFFFFFL + 1;
        }
        run.change("initialized " + shown(disk, op.number()) + " " + op.partitionStyle());
    }

    /** New-Partition -UseMaximumSize: one more partition, with no file system yet. */
    static void newPartition(StepRun run, NewPartition op) throws StepFailure {
        SimDisk disk = disk(run, op.diskNumber());
        if (disk.raw()) {
            throw new StepFailure("The disk has not been initialized.");
        }
        writable(run, disk, op.diskNumber());
        disk.partitions++;
        if (disk.partitions == 1) {
            disk.fileSystem = "";
            disk.volumeLabel = "";
        }
    }

    /** Format-Volume on the disk's data partition. */
    static void formatVolume(StepRun run, FormatVolume op) throws StepFailure {
        SimDisk disk = disk(run, op.diskNumber());
        if (disk.partitions == 0) {
            throw new StepFailure("No MSFT_Partition objects found with property 'DiskNumber' equal to '" + op.diskNumber() + "'.");
        }
        writable(run, disk, op.diskNumber());
        disk.fileSystem = op.fileSystem();
        disk.volumeLabel = op.newFileSystemLabel();
        run.change("formatted " + shown(disk, op.diskNumber()) + " " + op.fileSystem() + " with label '" + op.newFileSystemLabel() + "'");
    }

    /** Writing to a disk needs it online here and writable, as on Windows. */
    private static void writable(StepRun run, SimDisk disk, int number) throws StepFailure {
        if (!onlineHere(run, disk)) {
            throw new StepFailure("The disk is offline. (disk " + number + ")");
        }
        if (disk.readOnly) {
            throw new StepFailure("The disk is read only. (disk " + number + ")");
        }
    }

    /** Add-ClusterSharedVolume -Name: the disk resource moves to the CSV group and gets C:\ClusterStorage\VolumeN. */
    static void addClusterSharedVolume(StepRun run, AddClusterSharedVolume op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        SimulatedCluster.DiskResource res = c.diskResources.stream().filter(r -> r.name.equalsIgnoreCase(op.name())).findFirst()
                .orElseThrow(() -> new StepFailure("The cluster resource '" + op.name() + "' could not be found."));
        if (c.sharedVolume(res.name).isPresent()) {
            throw new StepFailure("The cluster resource '" + op.name() + "' is already a Cluster Shared Volume.");
        }
        c.volumeCounter++;
        SimulatedCluster.SharedVolume csv = new SimulatedCluster.SharedVolume();
        csv.name = res.name;
        csv.path = "C:\\ClusterStorage\\Volume" + c.volumeCounter;
        c.sharedVolumes.add(csv);
        res.ownerGroup = "Cluster Shared Volume";
        run.change("added '" + op.name() + "' to Cluster Shared Volumes");
    }
}
