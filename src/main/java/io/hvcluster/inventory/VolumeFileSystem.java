package io.hvcluster.inventory;

import java.util.Optional;

/**
 * The file system prepare-shared-disks formats a RAW shared disk with. A disk witness needs one NTFS or ReFS
 * volume (manage-cluster-quorum), a CSV an NTFS or ReFS partition (failover-cluster-csvs); NTFS is the guide's.
 */
public enum VolumeFileSystem {
    NTFS("NTFS"),
    REFS("ReFS");

    private final String windowsName;

    VolumeFileSystem(String windowsName) {
        this.windowsName = windowsName;
    }

    /** As the inventory, Format-Volume -FileSystem and Get-Volume's FileSystem write it. */
    public String windowsName() {
        return windowsName;
    }

    /** The inventory's spelling, exactly as the schema's enum has it. */
    public static Optional<VolumeFileSystem> fromYaml(String s) {
        for (VolumeFileSystem f : values()) {
            if (f.windowsName.equals(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
