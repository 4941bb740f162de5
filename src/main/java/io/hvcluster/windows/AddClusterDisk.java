package io.hvcluster.windows;

/**
 * {@code Get-Disk -Number <diskNumber> | Add-ClusterDisk}, then the new resource ("Cluster Disk N") renamed to
 * {@code name}, as Add-HvcClusterDisk does (templates/_lib/disks.ps1.vm).
 *
 * @param diskNumber the disk, by the number the facts found it under on the node the script runs on
 * @param name       the cluster resource name it gets
 */
public record AddClusterDisk(int diskNumber, String name) implements WindowsOp {
}
