package io.hvcluster.sim.host;

import io.hvcluster.pipeline.Step;
import java.util.List;
import java.util.function.Function;

/**
 * A step whose script finds its adapters by their role names (Get-HvcAdapter in templates/_lib/session-adapters.ps1.vm)
 * and then does what the step's plan says ({@link PlannedEffect}). The plan finds an adapter as
 * rename-adapters does (by MAC), because the planner plans every step before any has run; the script insists on the
 * role's name, so on a host where rename-adapters has not run it stops before changing anything, with its own words.
 * That check is the script's precondition, not a decision of the step.
 */
record RoleNamedAdaptersEffect<P extends Record>(PlannedEffect<P> byPlan, Function<P, List<String>> roleNames) implements StepEffect<P> {

    /** @param roleNames the role names the script looks its adapters up by, from its parameters */
    static <P extends Record> RoleNamedAdaptersEffect<P> of(Step<P> step, Function<P, List<String>> roleNames) {
        return new RoleNamedAdaptersEffect<>(new PlannedEffect<>(step), roleNames);
    }

    @Override
    public Class<P> paramsType() {
        return byPlan.paramsType();
    }

    @Override
    public void apply(StepRun run, P params) throws StepFailure {
        for (String name : roleNames.apply(params)) {
            SessionAdapters.adapter(run.host, name);
        }
        byPlan.apply(run, params);
    }
}
