package io.hvcluster.pipeline;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import java.util.List;
import java.util.Set;

/**
 * One step of the build, in the guide's order. A step computes its parameters (the desired state for one
 * host, or for the cluster) in pure Java from the inventory; its templates only render them.
 *
 * @param <P> the parameter record its templates render
 */
public interface Step<P extends Record> {

    /** Stable id, kebab-case; also the template folder name. */
    String id();

    /** A short title for the runbook and the console ("Rename adapters by role"). */
    String title();

    Scope scope();

    /** Steps that must have completed (on the hosts this step needs) before this one runs. */
    Set<String> dependsOn();

    /** The scripts of this step, in order. */
    default List<Phase> phases() {
        return List.of(Phase.apply(id()));
    }

    /**
     * The desired state for {@code host}. For {@link Scope#CLUSTER} steps the host is the node the step runs
     * on. Pure: no I/O.
     */
    P parameters(Inventory inventory, Host host);

    /** Names of the secrets the scripts read from $HvcSecrets (see {@link io.hvcluster.exec.Script}). */
    default Set<String> secrets() {
        return Set.of();
    }

    /**
     * Whether probing again after the step tells if it converged. False for actions that leave no state
     * behind to compare (validation).
     */
    default boolean convergenceCheckable() {
        return true;
    }

    /** What an admin running the bundle by hand should check after this step (runbook lines). */
    List<String> checks();
}
