package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.steps.ConfigureQuorumStep;
import java.util.Optional;

/** configure-quorum: the witness disk in the cluster under its label; the quorum type as planned. */
final class ConfigureQuorumDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(ConfigureQuorumStep.ID, host.name());
        ConfigureQuorumStep.Params p = new ConfigureQuorumStep().parameters(facts.inventory(), host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        if (p.witness() != null) {
            ClusterDisks.plan(out, facts.of(host.name()), cluster, p.witness());
            boolean isCsv = cluster.map(c -> c.sharedVolumes().stream().anyMatch(v -> v.name().equals(p.witness().label()))).orElse(false);
            if (isCsv) {
                out.problem("the witness disk '" + p.witness().label() + "' is a Cluster Shared Volume");
            }
        }
        String current = cluster.map(HostFacts.Cluster::quorumResource).orElse("");
        if (p.diskWitness() && !current.equals(p.witness().label())) {
            out.change("set the quorum to node and disk majority with witness '" + p.witness().label() + "'");
        } else if (!p.diskWitness() && !current.isEmpty()) {
            out.change("set the quorum to node majority (release witness '" + current + "')");
        }
        return out.toPlan();
    }
}
