package io.hvcluster.inventory.load;

import java.util.List;

/** One entry of {@code hosts} as read; {@code nicsAt} is null when the nics key is missing. */
record HostDocument(
        Anchor at,
        Located<String> name,
        Located<String> address,
        Anchor nicsAt,
        List<NicDocument> nics) {
}
