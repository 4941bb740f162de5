package io.hvcluster.sim.host;

import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;

/**
 * A custom effect: a script that does more than its plan's operations (a validation's report and result, a cluster formed and waited
 * for, warnings the script writes): it still takes every decision from the step's plan ({@link #plan}) and makes every
 * change through {@link Cmdlets}; what it adds is what is not a decision (reports, marks, waits, restarts).
 *
 * @param <P> the step's parameter record
 */
abstract class PlanningEffect<P extends Record> implements StepEffect<P> {

    final Step<P> step;

    PlanningEffect(Step<P> step) {
        this.step = step;
    }

    @Override
    public final Class<P> paramsType() {
        return step.paramsType();
    }

    /** The step's plan on the script's host; its first problem fails the script ({@link PlannedEffect#decide}). */
    final StepPlan plan(StepRun run, P params) throws StepFailure {
        return PlannedEffect.decide(step, run, params);
    }

    /** Applies the plan's operations in order ({@link PlannedEffect#make}). */
    final void make(StepRun run, StepPlan plan) throws StepFailure {
        PlannedEffect.make(run, step, plan);
    }

    /** Plans, applies the operations, then plans again: a problem only the changes reveal fails the script. */
    final void carryOut(StepRun run, P params) throws StepFailure {
        PlannedEffect.carryOut(step, run, params);
    }
}
