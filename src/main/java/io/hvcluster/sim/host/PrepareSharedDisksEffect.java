package io.hvcluster.sim.host;

import io.hvcluster.facts.FactsView;
import io.hvcluster.steps.PrepareSharedDisksStep;

/**
 * templates/prepare-shared-disks/apply.ps1.vm: the step's plan applied ({@link PlannedEffect}), then the script's
 * report: the warnings the step gives for the disks it now finds (a volume label other than the inventory's).
 */
final class PrepareSharedDisksEffect implements StepEffect<PrepareSharedDisksStep.Params> {

    private final PrepareSharedDisksStep step = new PrepareSharedDisksStep();

    @Override
    public Class<PrepareSharedDisksStep.Params> paramsType() {
        return PrepareSharedDisksStep.Params.class;
    }

    @Override
    public void apply(StepRun run, PrepareSharedDisksStep.Params params) throws StepFailure {
        PlannedEffect.carryOut(step, run, params);
        step.warnings(run.host.name, params, FactsView.ofHost(run.host.name, run.facts(params))).forEach(run::warning);
    }
}
