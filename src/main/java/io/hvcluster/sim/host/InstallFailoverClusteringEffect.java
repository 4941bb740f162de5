package io.hvcluster.sim.host;

import io.hvcluster.steps.InstallFailoverClusteringStep;

/**
 * templates/install-failover-clustering/apply.ps1.vm: the step's plan (Install-WindowsFeature when the feature is not
 * Installed), plus what the template reports besides: the state it found, and a warning when Windows answers that it
 * needs a restart (RestartNeeded Yes), which this step does not make.
 */
final class InstallFailoverClusteringEffect extends PlanningEffect<InstallFailoverClusteringStep.Params> {

    InstallFailoverClusteringEffect() {
        super(new InstallFailoverClusteringStep());
    }

    @Override
    public void apply(StepRun run, InstallFailoverClusteringStep.Params params) throws StepFailure {
        run.data.put("installStateBefore", String.valueOf(run.host.featureState(params.feature())));
        carryOut(run, params);
        if ("Yes".equals(run.data.get("restartNeeded"))) {
            run.warning("Windows asks for a restart after installing " + params.feature());
        }
    }
}
