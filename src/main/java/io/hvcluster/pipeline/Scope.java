package io.hvcluster.pipeline;

/** Where and how a step runs. */
public enum Scope {
    /** On every host, hosts in parallel. */
    EACH_HOST("every host, in parallel"),
    /** On every host, one host at a time (the step reboots the host). */
    ONE_HOST_AT_A_TIME("every host, one at a time"),
    /** Once for the cluster, on the first node. */
    CLUSTER("once, on the first node");

    private final String description;

    Scope(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
