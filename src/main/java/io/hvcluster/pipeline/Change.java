package io.hvcluster.pipeline;

import java.util.Objects;

/**
 * One planned change, as data: what happens ({@code action}) to which object on which host, and the value before
 * and after. The console, report and runbook writers turn it into words; nothing else does.
 *
 * @param action what happens
 * @param host   the host the step runs on (the first node for cluster steps)
 * @param object what is changed, as the admin finds it ("adapter 'Ethernet 2' [00-15-5D-01-02-03]",
 *               "cluster network 'Cluster Network 1'", "feature Failover-Clustering")
 * @param before the value now, "" when there is none (an add)
 * @param after  the value wanted, "" when there is none (a remove)
 */
public record Change(Action action, String host, String object, String before, String after) {

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(object, "object");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }
}
