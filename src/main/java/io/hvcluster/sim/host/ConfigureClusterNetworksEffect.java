package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureClusterNetworksStep;

/**
 * templates/configure-cluster-networks/apply.ps1.vm: the step's plan applied on a cluster node (Get-ClusterNetwork
 * needs one), with the warnings the step gives for the stray networks and the inventory networks not there yet.
 */
final class ConfigureClusterNetworksEffect extends PlanningEffect<ConfigureClusterNetworksStep.Params> {

    ConfigureClusterNetworksEffect() {
        super(new ConfigureClusterNetworksStep());
    }

    @Override
    public void apply(StepRun run, ConfigureClusterNetworksStep.Params params) throws StepFailure {
        run.requireCluster();
        io.hvcluster.facts.HostFacts.Cluster cluster = run.facts(params).cluster();
        if (cluster != null) {
            ConfigureClusterNetworksStep.notices(params, cluster).forEach(run::warning);
        }
        carryOut(run, params);
    }
}
