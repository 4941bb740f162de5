package io.hvcluster.sim.host;

import io.hvcluster.pipeline.Step;

/**
 * A custom effect that gets its decisions from its step's plan ({@link PlannedEffect#decide},
 * {@link PlannedEffect#carryOut}) and adds only what is no decision: reports, marks, waits, restarts.
 *
 * @param <P> the step's parameter record, as the script header carries it
 */
abstract class PlanningEffect<P extends Record> implements StepEffect<P> {

    /** The step whose plan the effect follows. */
    final Step<P> step;

    PlanningEffect(Step<P> step) {
        this.step = step;
    }

    @Override
    public final Class<P> paramsType() {
        return step.paramsType();
    }
}
