package io.hvcluster.inventory.load;

import java.util.List;

/**
 * The inventory as read, before validation: every field nullable (absent or unreadable) and positioned.
 * Sections that are missing are null; lists that are missing are empty and their anchor is null.
 */
record InventoryDocument(
        Anchor root,
        ClusterDocument cluster,
        Anchor networksAt,
        List<NetworkDocument> networks,
        Anchor hostsAt,
        List<HostDocument> hosts,
        ConnectionDocument connection,
        CapacityDocument capacity) {
}
