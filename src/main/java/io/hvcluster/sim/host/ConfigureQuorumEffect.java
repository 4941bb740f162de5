package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureQuorumStep;

/**
 * templates/configure-quorum/apply.ps1.vm: the step's plan applied (the witness disk added and labelled,
 * Set-ClusterQuorum), on a cluster node only (Get-ClusterQuorum needs one). Beyond the plan: the warning for a witness
 * the inventory does not describe, which the step leaves in place, and the witness the script reports back.
 */
final class ConfigureQuorumEffect extends PlanningEffect<ConfigureQuorumStep.Params> {

    ConfigureQuorumEffect() {
        super(new ConfigureQuorumStep());
    }

    @Override
    public void apply(StepRun run, ConfigureQuorumStep.Params params) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        if (ConfigureQuorumStep.leavesUndescribedWitness(params, java.util.Optional.ofNullable(run.facts(params).cluster()))) {
            run.warning("the cluster has the witness " + ClusterCmdlets.describeWitness(c) + ", which the inventory does not describe: left in "
                    + "place (Microsoft recommends a witness; describe it in the inventory, or remove it by hand with Set-ClusterQuorum -NoWitness)");
        }
        carryOut(run, params);
        run.data.put("quorumResource", c.quorumResource);
    }
}
