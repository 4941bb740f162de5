package io.hvcluster.sim.host;

import io.hvcluster.steps.InstallFailoverClusteringStep;

/** templates/install-failover-clustering/apply.ps1.vm: installs without a restart. */
final class InstallFailoverClusteringEffect implements StepEffect<InstallFailoverClusteringStep.Params> {

    @Override
    public Class<InstallFailoverClusteringStep.Params> paramsType() {
        return InstallFailoverClusteringStep.Params.class;
    }

    @Override
    public void apply(StepRun run, InstallFailoverClusteringStep.Params params) throws StepFailure {
        String feature = params.feature();
        String state = run.host.featureState(feature);
        if (state == null) {
            throw new StepFailure("Windows feature '" + feature + "' is not available on this server");
        }
        run.data.put("installStateBefore", state);
        if (!state.equals("Installed")) {
            run.spend(run.latencies().featureInstall());
            run.host.features.put(feature, "Installed");
            if (params.includeManagementTools() && run.host.features.containsKey("RSAT-Clustering-PowerShell")) {
                run.host.features.put("RSAT-Clustering-PowerShell", "Installed");
            }
            run.data.put("exitCode", "Success");
            run.data.put("restartNeeded", "No");
            run.change("installed " + feature + " (Success)");
        }
    }
}
