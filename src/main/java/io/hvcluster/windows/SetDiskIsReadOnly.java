package io.hvcluster.windows;

/**
 * {@code Set-Disk -Number <number> -IsReadOnly <isReadOnly>}.
 *
 * @param number     the disk, by the Number Get-Disk gave it on this host
 * @param isReadOnly the state it gets
 */
public record SetDiskIsReadOnly(int number, boolean isReadOnly) implements WindowsOp {
}
