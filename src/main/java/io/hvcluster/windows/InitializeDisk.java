package io.hvcluster.windows;

/**
 * {@code Initialize-Disk -Number <number> -PartitionStyle <partitionStyle>}: only a RAW disk can be initialized.
 *
 * @param number         the disk, by the Number Get-Disk gave it on this host
 * @param partitionStyle GPT or MBR
 */
public record InitializeDisk(int number, String partitionStyle) implements WindowsOp {
}
