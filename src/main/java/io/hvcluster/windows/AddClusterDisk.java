package io.hvcluster.windows;

/**
 * {@code Get-ClusterAvailableDisk -Disk <disk> | Add-ClusterDisk}: the disk becomes a Physical Disk resource named
 * "Cluster Disk N".
 *
 * @param diskNumber the disk, by the Number Get-Disk gave it on the node the script runs on
 */
public record AddClusterDisk(int diskNumber) implements WindowsOp {
}
