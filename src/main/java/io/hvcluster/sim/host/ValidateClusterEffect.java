package io.hvcluster.sim.host;

import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.ValidateClusterStep;

/**
 * templates/validate-cluster/apply.ps1.vm: the step's plan (Test-Cluster over every node, unless this node is
 * already in a cluster: then it says validation was skipped) run through the second hop, the report kept and the
 * result read as the template does ({@link ValidationReportModel}).
 */
final class ValidateClusterEffect extends PlanningEffect<ValidateClusterStep.Params> {

    /** The summary flag the simulator gives a validation with failed tests (unverified against a real host). */
    static final String FAILED_FLAG = ValidationReportModel.FAILED_FLAG;

    ValidateClusterEffect() {
        super(new ValidateClusterStep());
    }

    @Override
    public void apply(StepRun run, ValidateClusterStep.Params params) throws StepFailure {
        ClusterCmdlets.requireFeature(run);
        StepPlan plan = plan(run, params);
        if (plan.changes().isEmpty()) {
            run.warning("this node is already in cluster " + run.requireCluster().name
                    + "; validation skipped (Test-Cluster -Ignore Storage re-validates by hand)");
            return;
        }
        SecondHop.forCmdlets(run, params.delegation()).reachAll(params.nodes());
        make(run, plan);
        ValidationReportModel.readOutcome(run, run.validation, params.acceptedFlags());
    }
}
