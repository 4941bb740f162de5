package io.hvcluster.inventory.load;

/** A witness or CSV disk as read; {@code sizeBytes} is converted from sizeMB (witness) or sizeGB (CSV). */
record DiskDocument(
        Anchor at,
        Located<String> label,
        Located<String> serial,
        Located<String> uniqueId,
        Located<Long> sizeBytes) {
}
