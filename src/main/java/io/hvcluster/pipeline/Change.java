package io.hvcluster.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hvcluster.windows.WindowsOp;
import java.util.Objects;
import java.util.Optional;

/**
 * One planned change, as data: what happens ({@code action}) to which object on which host, and the value before
 * and after. The console, report and runbook writers turn it into words; nothing else does.
 *
 * <p>{@code op} is the cmdlet-level operation that makes the change, when the step names one: the simulator applies
 * it to its model instead of deciding again what the step's script does. It is not part of a saved plan (the runner
 * never needs it) and not part of a change's identity: two changes that show the admin the same thing are equal.
 *
 * @param action what happens
 * @param host   the host the step runs on (the first node for cluster steps)
 * @param object what is changed, as the admin finds it ("adapter 'Ethernet 2' [00-15-5D-01-02-03]",
 *               "cluster network 'Cluster Network 1'", "feature Failover-Clustering")
 * @param before the value now, "" when there is none (an add)
 * @param after  the value wanted, "" when there is none (a remove)
 * @param op     the operation that makes the change, or null
 */
public record Change(Action action, String host, String object, String before, String after, @JsonIgnore WindowsOp op) {

    public Change {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(object, "object");
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    public Change(Action action, String host, String object, String before, String after) {
        this(action, host, object, before, after, null);
    }

    /** The operation, when the step named one. */
    public Optional<WindowsOp> operation() {
        return Optional.ofNullable(op);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Change c && action == c.action && host.equals(c.host) && object.equals(c.object)
                && before.equals(c.before) && after.equals(c.after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, host, object, before, after);
    }

    @Override
    public String toString() {
        return "Change[" + action + " " + host + " " + object + ": '" + before + "' -> '" + after + "']";
    }
}
