package io.hvcluster.plan;

import java.util.Locale;

/** How enable-hyper-v restarts the nodes. */
public enum RebootStrategy {
    /** Parallel for a new, empty build; rolling as soon as the cluster runs any role. */
    AUTO,
    /** The guide's way: one host at a time, drained first. */
    ROLLING,
    /** Every node at once: only for a build with nothing running yet. */
    PARALLEL;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
