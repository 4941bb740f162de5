package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.steps.InstallFailoverClusteringStep;

/** install-failover-clustering: the feature Installed. */
final class InstallFailoverClusteringDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(InstallFailoverClusteringStep.ID, host.name());
        HostFacts f = facts.of(host.name());
        String feature = new InstallFailoverClusteringStep().parameters(facts.inventory(), host).feature();
        if (f.feature(feature).isEmpty()) {
            out.problem("Windows feature " + feature + " is not available on this server");
        } else if (!f.featureInstalled(feature)) {
            out.change("install " + feature + " with its management tools (now " + f.feature(feature).get().installState() + ")");
        }
        return out.toPlan();
    }
}
