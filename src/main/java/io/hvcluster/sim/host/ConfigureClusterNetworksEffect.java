package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureClusterNetworksStep;

/**
 * templates/configure-cluster-networks/apply.ps1.vm: the step's plan applied on a cluster node (Get-ClusterNetwork
 * needs one), with the warnings the step gives for the stray networks and the inventory networks not there yet.
 */
final class ConfigureClusterNetworksEffect extends BeyondPlanEffect<ConfigureClusterNetworksStep.Params> {

    ConfigureClusterNetworksEffect() {
        super(new ConfigureClusterNetworksStep());
    }

    @Override
    public void apply(StepRun run, ConfigureClusterNetworksStep.Params params) throws StepFailure {
        run.requireCluster();
        for (String notice : ConfigureClusterNetworksStep.notices(params, run.facts(params).cluster())) {
            run.warning(notice);
        }
        makeAndCheck(run, params);
    }
}
