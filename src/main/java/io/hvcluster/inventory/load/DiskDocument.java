package io.hvcluster.inventory.load;

import io.hvcluster.inventory.VolumeFileSystem;

/**
 * A witness or CSV disk as read; {@code sizeBytes} is converted from sizeMB (witness) or sizeGB (CSV), and
 * {@code identifierWritten} tells a missing serial/uniqueId from one that was written but unreadable.
 */
record DiskDocument(
        Anchor at,
        Located<String> label,
        Located<String> serial,
        Located<String> uniqueId,
        boolean identifierWritten,
        Located<Long> sizeBytes,
        Located<VolumeFileSystem> fileSystem) {
}
