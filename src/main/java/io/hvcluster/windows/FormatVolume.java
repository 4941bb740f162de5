package io.hvcluster.windows;

/**
 * {@code Format-Volume -Partition <the disk's data partition> -FileSystem <fileSystem> -NewFileSystemLabel <label>}.
 *
 * @param diskNumber         the disk whose data partition (the one New-Partition made) is formatted
 * @param fileSystem         NTFS or ReFS
 * @param newFileSystemLabel the volume label
 */
public record FormatVolume(int diskNumber, String fileSystem, String newFileSystemLabel) implements WindowsOp {
}
