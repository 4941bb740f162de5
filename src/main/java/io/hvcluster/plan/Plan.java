package io.hvcluster.plan;

import io.hvcluster.pipeline.StepPlan;
import java.util.List;

/**
 * The whole plan: every step on every host it runs on, in pipeline order, and the reboot policy chosen.
 */
public record Plan(List<StepPlan> steps, RebootDecision reboot) {

    public Plan {
        steps = List.copyOf(steps);
    }

    public long toChange() {
        return steps.stream().filter(s -> !s.inDesiredState()).count();
    }

    public long inDesiredState() {
        return steps.stream().filter(StepPlan::inDesiredState).count();
    }

    public boolean hasProblems() {
        return steps.stream().anyMatch(StepPlan::blocked);
    }

    /** "3 to change, 41 in desired state". */
    public String summary() {
        return toChange() + " to change, " + inDesiredState() + " in desired state";
    }
}
