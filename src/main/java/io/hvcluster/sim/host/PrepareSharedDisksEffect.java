package io.hvcluster.sim.host;

import io.hvcluster.facts.FactsView;
import io.hvcluster.steps.PrepareSharedDisksStep;

/**
 * templates/prepare-shared-disks/apply.ps1.vm: the step's plan applied ({@link PlannedEffect}), then the script's
 * report: the warnings the step gives for the disks it now finds (a volume label other than the inventory's).
 */
final class PrepareSharedDisksEffect extends PlanningEffect<PrepareSharedDisksStep.Params> {

    /** The step, typed: its label warnings are this effect's report. */
    private final PrepareSharedDisksStep disks;

    PrepareSharedDisksEffect() {
        this(new PrepareSharedDisksStep());
    }

    private PrepareSharedDisksEffect(PrepareSharedDisksStep step) {
        super(step);
        this.disks = step;
    }

    @Override
    public void apply(StepRun run, PrepareSharedDisksStep.Params params) throws StepFailure {
        carryOut(run, params);
        disks.warnings(run.host.name, params, FactsView.ofHost(run.host.name, run.facts(params))).forEach(run::warning);
    }
}
