package io.hvcluster.inventory;

import java.util.Optional;

/** What a NIC role carries. Decides addressing, protocol bindings and the cluster network role. */
public enum NetworkPurpose {
    MANAGEMENT("management"),
    CLUSTER("cluster"),
    LIVE_MIGRATION("live-migration"),
    VIRTUAL_SWITCH("virtual-switch"),
    ISCSI("iscsi");

    private final String yamlName;

    NetworkPurpose(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Private networks get static addresses from the tool; management is the admin's and is never touched. */
    public boolean addressedByTool() {
        return this == CLUSTER || this == LIVE_MIGRATION || this == ISCSI;
    }

    public static Optional<NetworkPurpose> fromYaml(String s) {
        for (NetworkPurpose p : values()) {
            if (p.yamlName.equals(s)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
