package io.hvcluster.steps;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.FormatVolume;
import io.hvcluster.windows.InitializeDisk;
import io.hvcluster.windows.NewPartition;
import io.hvcluster.windows.SetDiskIsOffline;
import io.hvcluster.windows.SetDiskIsReadOnly;
import io.hvcluster.windows.WindowsOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What prepare-shared-disks does to one shared disk, as its script (templates/prepare-shared-disks/apply.ps1.vm)
 * decides it, and the words it fails or warns with. The one rule: only a RAW disk (no partition table: nothing on
 * it) is initialized and formatted, and a GPT disk holding only the Microsoft Reserved partition that
 * Initialize-Disk creates (a run stopped half-way) gets its partition; a disk with any other partition is never
 * modified. Fixes name a command that does what they say: Clear-Disk un-initializes a disk (it becomes RAW, and
 * this step then initializes it GPT), it never "initializes it as GPT" by itself.
 */
public final class SharedDiskLayout {

    private SharedDiskLayout() {
    }

    /**
     * Adds the changes or the problem for disk {@code d}, found on the node as {@code disk}; each change names the
     * cmdlets that make it, as the script runs them.
     */
    static void plan(StepPlanBuilder out, PrepareSharedDisksStep.PreparedDisk d, HostFacts.Disk disk) {
        if (disk.isClustered()) {
            return;
        }
        String what = describe(d.label(), disk.serial(), disk.sizeBytes());
        if (disk.raw()) {
            List<WindowsOp> ops = reach(disk);
            ops.add(new InitializeDisk(disk.number(), "GPT"));
            ops.addAll(volume(d, disk));
            out.format(state(what, "RAW"), layout(d)).by(ops);
            return;
        }
        if (d.csv() && !disk.partitionStyle().equalsIgnoreCase("GPT")) {
            out.problem(mbrCsv(d.label(), disk.serial(), disk.partitionStyle(), disk.number()));
            return;
        }
        if (disk.partitions() == 0) {
            List<WindowsOp> ops = reach(disk);
            ops.addAll(volume(d, disk));
            out.format(state(what, disk.partitionStyle() + ", no partition"), "one partition, " + d.fileSystem()
                    + " volume '" + d.label() + "'").by(ops);
            return;
        }
        if (disk.partitions() > 1) {
            out.problem(partitions(d.label(), disk.serial(), disk.partitions(), disk.number()));
            return;
        }
        if (disk.isOffline()) {
            out.change(what, "offline", "online").by(new SetDiskIsOffline(disk.number(), false));
        }
        if (disk.isReadOnly()) {
            out.change(what, "read-only", "writable").by(new SetDiskIsReadOnly(disk.number(), false));
        }
        if (!disk.isOffline()) {
            // An offline disk's volume cannot be read: the script checks it once the disk is online (and so does the
            // simulator, planning again after the change).
            volumeProblem(d.label(), disk.serial(), d.fileSystem(), disk.fileSystem(), disk.number())
                    .ifPresent(out::problem);
        }
    }

    /** Set-Disk: online and writable first, as the script makes every disk before it looks at the layout. */
    private static List<WindowsOp> reach(HostFacts.Disk disk) {
        List<WindowsOp> ops = new ArrayList<>();
        if (disk.isOffline()) {
            ops.add(new SetDiskIsOffline(disk.number(), false));
        }
        if (disk.isReadOnly()) {
            ops.add(new SetDiskIsReadOnly(disk.number(), false));
        }
        return ops;
    }

    /** New-Partition -UseMaximumSize, then Format-Volume with the inventory's file system and label. */
    private static List<WindowsOp> volume(PrepareSharedDisksStep.PreparedDisk d, HostFacts.Disk disk) {
        return List.of(new NewPartition(disk.number()), new FormatVolume(disk.number(), d.fileSystem(), d.label()));
    }

    /**
     * The script's warning for a prepared disk whose volume label is not the inventory's (it keeps the label), if any.
     * {@code -cne}: a label differing in case only is reported too.
     */
    static Optional<String> labelMismatch(PrepareSharedDisksStep.PreparedDisk d, HostFacts.Disk disk) {
        if (disk.isClustered() || disk.isOffline() || disk.partitions() != 1 || disk.fileSystem().isEmpty()
                || disk.volumeLabel().equals(d.label())) {
            return Optional.empty();
        }
        return Optional.of(labelWarning(d.label(), disk.serial(), disk.volumeLabel()));
    }

    /** "disk 'CSV1' (serial CSV-01, 2048 GB)": how the plan and the script name a disk. */
    public static String describe(String label, String serial, long sizeBytes) {
        return "disk '" + label + "' (serial " + serial.trim() + ", " + size(sizeBytes) + ")";
    }

    private static String state(String described, String state) {
        return described.substring(0, described.length() - 1) + ", " + state + ")";
    }

    /** What a RAW disk becomes. */
    static String layout(PrepareSharedDisksStep.PreparedDisk d) {
        return "initialize GPT, one partition, " + d.fileSystem() + " volume '" + d.label() + "'";
    }

    /** A size as Windows' Disk Management rounds it: GB, or MB below 1 GB. */
    public static String size(long bytes) {
        long gib = 1L << 30;
        return bytes >= gib ? String.format(Locale.ROOT, "%d GB", Math.round((double) bytes / gib))
                : String.format(Locale.ROOT, "%d MB", bytes >> 20);
    }

    /** The fix for a disk that must become RAW first: erase it by hand, if its data is not needed. */
    static String clearFix(long number) {
        return "if its data is not needed, erase it on this node with Clear-Disk -Number " + number
                + " -RemoveData -RemoveOEM -Confirm:$false (the disk becomes RAW) and run apply again to prepare it; "
                + "otherwise present another LUN";
    }

    public static String mbrCsv(String label, String serial, String style, long number) {
        return "disk '" + label + "' (serial " + serial.trim() + ") is partitioned " + style
                + "; a Cluster Shared Volume needs GPT (MBR stops at 2 TB) and hvcluster never repartitions a disk: "
                + clearFix(number);
    }

    public static String partitions(String label, String serial, int partitions, long number) {
        return "disk '" + label + "' (serial " + serial.trim() + ") already holds " + partitions
                + " partitions; a shared disk needs exactly one volume and hvcluster never changes a disk that has "
                + "partitions: " + clearFix(number);
    }

    /** The problem with the volume of a one-partition disk, if any. */
    public static java.util.Optional<String> volumeProblem(String label, String serial, String wanted, String found, long number) {
        String head = "disk '" + label + "' (serial " + serial.trim() + ")";
        if (found.isEmpty()) {
            return java.util.Optional.of(head + " holds a partition without a file system Windows can read (not "
                    + "formatted, or data of another system); hvcluster never formats a disk that has partitions: "
                    + clearFix(number));
        }
        if (found.equalsIgnoreCase(wanted)) {
            return java.util.Optional.empty();
        }
        boolean usable = found.equalsIgnoreCase("NTFS") || found.equalsIgnoreCase("ReFS");
        return java.util.Optional.of(head + " has a " + found + " volume, the inventory says " + wanted + ": "
                + (usable ? "write fileSystem: " + (found.equalsIgnoreCase("NTFS") ? "NTFS" : "ReFS")
                        + " for this disk in the inventory to keep it, or " : "a shared disk needs NTFS or ReFS; ")
                + clearFix(number));
    }

    /** The warning for a prepared disk whose volume label is not the inventory's. */
    public static String labelWarning(String label, String serial, String found) {
        return "disk '" + label + "' (serial " + serial.trim() + ") has volume label '" + found
                + "', not the inventory's; it is used as it is (the cluster resource is still named '" + label
                + "'); to relabel it: Set-Volume -FileSystemLabel '" + found.replace("'", "''") + "' -NewFileSystemLabel '"
                + label.replace("'", "''") + "'";
    }
}
