package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.steps.CreateClusterStep;
import java.util.List;

/** create-cluster: the cluster exists under its name with every node; a node in another cluster is a problem. */
final class CreateClusterDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(CreateClusterStep.ID, host.name());
        CreateClusterStep.Params p = new CreateClusterStep().parameters(facts.inventory(), host);
        for (Host h : facts.inventory().hosts()) {
            HostFacts f = facts.of(h.name());
            if (f.clusterMember() && !f.cluster().name().equalsIgnoreCase(p.name())) {
                out.problem(h.name() + " already belongs to cluster '" + f.cluster().name() + "'");
            }
        }
        HostFacts first = facts.of(host.name());
        if (!first.clusterMember()) {
            out.change("create cluster " + p.name() + " (" + p.staticAddress() + ") with " + String.join(", ", p.nodes())
                    + ", no storage" + (p.ignoreNetworks().isEmpty() ? "" : ", ignoring " + String.join(", ", p.ignoreNetworks())));
            return out.toPlan();
        }
        List<String> present = first.cluster().nodes().stream().map(HostFacts.Node::name).toList();
        for (String n : p.nodes()) {
            if (present.stream().noneMatch(x -> x.equalsIgnoreCase(n))) {
                out.change("add " + n + " to cluster " + p.name());
            }
        }
        return out.toPlan();
    }
}
