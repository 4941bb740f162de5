package io.hvcluster.inventory;

/** How the cluster keeps quorum. Set-ClusterQuorum -NoWitness / -DiskWitness. */
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

    /** AUTO: an odd node count keeps a majority by itself; an even count needs the disk as tie-breaker. */
    public QuorumMode resolve(int nodeCount) {
        if (this != AUTO) {
            return this;
        }
        return nodeCount % 2 == 1 ? NODE_MAJORITY : NODE_AND_DISK_MAJORITY;
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
