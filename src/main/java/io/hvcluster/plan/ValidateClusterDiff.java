package io.hvcluster.plan;

import io.hvcluster.inventory.Host;
import io.hvcluster.steps.ValidateClusterStep;

/** validate-cluster: runs while the cluster does not exist yet (afterwards storage tests would disturb it). */
final class ValidateClusterDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(ValidateClusterStep.ID, host.name());
        if (facts.cluster().isEmpty()) {
            ValidateClusterStep.Params p = new ValidateClusterStep().parameters(facts.inventory(), host);
            out.change("run Test-Cluster on " + String.join(", ", p.nodes()) + " (" + String.join(", ", p.categories()) + ")");
        }
        return out.toPlan();
    }
}
