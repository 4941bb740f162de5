package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureClusterNetworksStep;

/**
 * templates/configure-cluster-networks/apply.ps1.vm: the step's plan applied on a cluster node (Get-ClusterNetwork
 * needs one), with the warnings the step gives for the stray networks and the inventory networks not there yet.
 */
final class ConfigureClusterNetworksEffect implements StepEffect<ConfigureClusterNetworksStep.Params> {

    private final ConfigureClusterNetworksStep step = new ConfigureClusterNetworksStep();

    @Override
    public Class<ConfigureClusterNetworksStep.Params> paramsType() {
        return ConfigureClusterNetworksStep.Params.class;
    }

    @Override
    public void apply(StepRun run, ConfigureClusterNetworksStep.Params params) throws StepFailure {
        run.requireCluster();
        for (String notice : ConfigureClusterNetworksStep.notices(params, run.facts(params).cluster())) {
            run.warning(notice);
        }
        new PlannedEffect<>(step).apply(run, params);
    }
}
