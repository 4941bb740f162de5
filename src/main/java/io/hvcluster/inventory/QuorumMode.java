package io.hvcluster.inventory;

/**
 * How the cluster keeps quorum. NODE_AND_DISK_MAJORITY means "nodes and the inventory's witness" (a disk, a file
 * share or a cloud witness); the YAML name stays for compatibility.
 */
public enum QuorumMode {
    AUTO("auto"),
    NODE_MAJORITY("node-majority"),
    NODE_AND_DISK_MAJORITY("node-and-disk-majority");

    private final String yamlName;

    QuorumMode(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static java.util.Optional<QuorumMode> fromYaml(String s) {
        for (QuorumMode m : values()) {
            if (m.yamlName.equals(s)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
