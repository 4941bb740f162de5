package io.hvcluster.inventory.load;

/** One entry of {@code cluster.virtualSwitches} as read. */
record SwitchDocument(
        Anchor at,
        Located<String> name,
        Located<String> network,
        Located<Boolean> allowManagementOs,
        Located<Long> vlan) {
}
