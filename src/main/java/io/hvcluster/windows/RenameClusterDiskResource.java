package io.hvcluster.windows;

/**
 * {@code (<the disk's Physical Disk resource>).Name = <newName>}: the resource is found through the disk it holds
 * (its DiskIdGuid or DiskSignature, as Get-HvcDiskResource does), so one just added by {@link AddClusterDisk} is
 * found too.
 *
 * @param diskNumber the disk, by the Number Get-Disk gave it on the node the script runs on
 * @param newName    the resource's name
 */
public record RenameClusterDiskResource(int diskNumber, String newName) implements WindowsOp {
}
