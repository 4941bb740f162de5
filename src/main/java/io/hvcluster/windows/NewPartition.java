package io.hvcluster.windows;

/**
 * {@code New-Partition -DiskNumber <diskNumber> -UseMaximumSize}: one partition over the disk's free space.
 *
 * @param diskNumber the disk, by the Number Get-Disk gave it on this host
 */
public record NewPartition(int diskNumber) implements WindowsOp {
}
