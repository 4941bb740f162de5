package io.hvcluster.windows;

/**
 * {@code Set-Disk -Number <number> -IsOffline <isOffline>}.
 *
 * @param number    the disk, by the Number Get-Disk gave it on this host
 * @param isOffline the state it gets
 */
public record SetDiskIsOffline(int number, boolean isOffline) implements WindowsOp {
}
