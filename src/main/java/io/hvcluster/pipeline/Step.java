package io.hvcluster.pipeline;

import io.hvcluster.facts.Delegated;
import io.hvcluster.facts.Delegation;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import java.util.List;
import java.util.Set;

/**
 * One step of the build, in the guide's order, defined in one place: its id (also its template folder), title,
 * scope, dependencies, its parameters (the desired state for one host, or for the cluster, computed in pure Java
 * from the inventory; its templates only render them) and its diff against the facts. The pipeline is the only
 * registry of steps: a step lacking a part does not compile, and {@code PipelineCompletenessTest} walks the
 * pipeline for the parts the compiler cannot see (a template per phase, a simulated handling per phase).
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

    /**
     * What the step would change on {@code host}, given its parameters and the facts: the single Java copy of the
     * decisions its script makes (the script keeps its own guards, for bundles run by hand). The planner calls it with
     * the parameters the inventory gives; the simulator calls it with the parameters a script's header carries, and
     * applies each change's {@link io.hvcluster.windows.WindowsOp} to its model of Windows, so the simulator never
     * decides a second time what a step does. Pure: no I/O.
     *
     * @param host   the host the step runs on (the first node for {@link Scope#CLUSTER} steps)
     * @param params what {@link #parameters} gives for that host
     * @param facts  the facts; the simulator's view holds only the host the script runs on (see {@link FactsView#ofHost})
     */
    StepPlan plan(String host, P params, FactsView facts);

    /** {@link #plan} with the parameters the inventory gives {@code host}. */
    default StepPlan diff(Host host, FactsView facts) {
        return plan(host.name(), parameters(facts.inventory(), host), facts);
    }

    /** The record {@link #parameters} returns: a script header's parameters are read back into it. */
    @SuppressWarnings("unchecked")
    default Class<P> paramsType() {
        // parameters() is pure, but needs an inventory; the type argument is what every implementation declares.
        for (java.lang.reflect.Type t : getClass().getGenericInterfaces()) {
            if (t instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() == Step.class) {
                return (Class<P>) pt.getActualTypeArguments()[0];
            }
        }
        throw new IllegalStateException(getClass().getName() + " does not implement Step<P> directly");
    }

    /**
     * Whether a host that restarted during this step is back for it: the runner waits until the same new boot
     * time is reported twice in a row and this holds. Pure.
     */
    default boolean backAfterRestart(HostFacts facts) {
        return true;
    }

    /**
     * What {@link #backAfterRestart} waits for besides the new boot, as the runner's timeout error says it
     * ("with Hyper-V running"); "" when it waits for nothing more.
     */
    default String backAfterRestartMeans() {
        return "";
    }

    /**
     * Names of the secrets the scripts read from $HvcSecrets (see {@link io.hvcluster.exec.Script}): the delegation's
     * password for a step whose parameters carry one ({@link Delegated}).
     */
    default Set<String> secrets() {
        return Delegated.class.isAssignableFrom(paramsType()) ? Set.of(Delegation.PASSWORD_SECRET) : Set.of();
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
