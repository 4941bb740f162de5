package io.hvcluster.sim.host;

import io.hvcluster.facts.FactsView;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;

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
        apply(step, run, params);
    }

    /**
     * Plans {@code step} on the host {@code run} runs on, fails on the plan's first problem, applies each change's
     * operation, then plans again and fails on a problem the changes revealed: the whole of a simulated apply script
     * that does nothing but its plan's operations. A custom effect calls it for that part and adds what is not a
     * decision (reports, timing).
     */
    static <P extends Record> void apply(Step<P> step, StepRun run, P params) throws StepFailure {
        StepPlan plan = plan(step, run, params);
        for (Change c : plan.changes()) {
            Cmdlets.apply(run, c.operation().orElseThrow(() -> new IllegalStateException(
                    step.id() + " plans '" + ChangeText.line(c) + "' without the operation that makes it")));
        }
        plan(step, run, params);
    }

    /** The step's plan on the host {@code run} runs on, from the facts the simulator reads now; a problem fails the script. */
    static <P extends Record> StepPlan plan(Step<P> step, StepRun run, P params) throws StepFailure {
        StepPlan plan = step.plan(run.host.name, params, FactsView.ofHost(run.host.name, run.facts(params)));
        if (plan.blocked()) {
            throw new StepFailure(plan.problems().get(0));
        }
        return plan;
    }
}
