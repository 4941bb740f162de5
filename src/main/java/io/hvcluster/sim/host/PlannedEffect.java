package io.hvcluster.sim.host;

import io.hvcluster.facts.FactsView;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.windows.WindowsOp;

/**
 * A step's apply script, simulated from the step's own plan: the simulator reads the host's facts as the probe would,
 * asks the step what it changes given the parameters the script carries ({@link Step#plan}), fails where the plan
 * has a problem (where the template's guard throws), and applies each change's operation through {@link Cmdlets}.
 * Then it reads the facts again: a problem only the change could reveal (an address Windows finds Duplicate) fails
 * the script as the template's check after the change does. The decisions exist once, in the step.
 */
final class PlannedEffect<P extends Record> implements StepEffect<P> {

    private final Step<P> step;

    PlannedEffect(Step<P> step) {
        this.step = step;
    }

    @Override
    public Class<P> paramsType() {
        return step.paramsType();
    }

    @Override
    public void apply(StepRun run, P params) throws StepFailure {
        carryOut(step, run, params);
    }

    /**
     * A step's script when its plan is all it does: plan, fail on the first problem, apply each change's operation
     * through {@link Cmdlets}, plan again (a problem only the change could reveal fails the script). A custom effect
     * that adds only what is no decision (a report, a warning) calls it too.
     */
    static <P extends Record> void carryOut(Step<P> step, StepRun run, P params) throws StepFailure {
        make(run, step, decide(step, run, params));
        decide(step, run, params);
    }

    /**
     * The step's plan for the host the script runs on, from its facts now and the parameters the script carries; the
     * first problem fails the script, where the template's guard throws.
     */
    static <P extends Record> StepPlan decide(Step<P> step, StepRun run, P params) throws StepFailure {
        StepPlan plan = step.plan(run.host.name, params, FactsView.ofHost(run.host.name, run.facts(params)));
        if (plan.blocked()) {
            throw new StepFailure(plan.problems().get(0));
        }
        return plan;
    }

    /** Applies each change's operation through {@link Cmdlets}, in the plan's order. */
    static void make(StepRun run, Step<?> step, StepPlan plan) throws StepFailure {
        for (Change c : plan.changes()) {
            Cmdlets.apply(run, operation(step, c));
        }
    }

    /** The operation that makes {@code c}: a change the step shows without one cannot be simulated. */
    static WindowsOp operation(Step<?> step, Change c) {
        return c.operation().orElseThrow(() -> new IllegalStateException(
                step.id() + " plans '" + ChangeText.line(c) + "' without the operation that makes it"));
    }
}
