package io.hvcluster.inventory;

import java.util.Optional;

/**
 * A shared disk the cluster uses (witness or CSV). Identified by serial number or unique id, never by
 * disk number, which changes between reboots. The label names the cluster resource and the volume.
 *
 * @param label     volume label and cluster resource name ("Witness", "CSV1")
 * @param serial    the disk's serial number as Get-Disk reports it (trimmed), if known
 * @param uniqueId  the disk's UniqueId (page 0x83 identifier), if known
 * @param sizeBytes the expected size, if given (checked against the 512 MB witness minimum)
 * @param fileSystem what prepare-shared-disks formats the disk with when it is RAW, and what its volume must be
 *                  otherwise (NTFS unless the inventory says ReFS)
 */
public record DiskSpec(String label, Optional<String> serial, Optional<String> uniqueId, Optional<Long> sizeBytes,
        VolumeFileSystem fileSystem) {

    public static final long WITNESS_MINIMUM_BYTES = 512L * 1024 * 1024;

    public DiskSpec {
        fileSystem = fileSystem == null ? VolumeFileSystem.NTFS : fileSystem;
    }

    /** An NTFS disk (the guide's file system). */
    public DiskSpec(String label, Optional<String> serial, Optional<String> uniqueId, Optional<Long> sizeBytes) {
        this(label, serial, uniqueId, sizeBytes, VolumeFileSystem.NTFS);
    }
}
