package io.hvcluster.inventory.load;

import java.util.List;

/**
 * The inventory as read, before validation: every field nullable (absent or unreadable) and positioned.
 * Sections that are missing are null; lists that are missing are empty and their anchor is null.
 *
 * @param networksReadable the networks list is written and is a list of maps: only then may a rule say "no
 *                         network named X" or "no network with purpose Y" (docs/inventory.md: no follow-on errors)
 */
record InventoryDocument(
        Anchor root,
        ClusterDocument cluster,
        Anchor networksAt,
        List<NetworkDocument> networks,
        boolean networksReadable,
        Anchor hostsAt,
        List<HostDocument> hosts,
        ConnectionDocument connection,
        CapacityDocument capacity,
        HostSettingsDocument hostSettings,
        StorageDocument storage) {
}
