package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 7: add the witness disk to the cluster under the inventory's label, then node majority (-NoWitness)
 * or node and disk majority (-DiskWitness). With node majority the disk is still added and labelled, as the
 * guide advises, so the cluster can switch when it grows.
 */
public final class ConfigureQuorumStep implements Step<ConfigureQuorumStep.Params> {

    public static final String ID = "configure-quorum";

    /**
     * @param witness    the witness disk, or null when the inventory has none (node majority only)
     * @param diskWitness true for node and disk majority
     */
    public record Params(DiskRef witness, boolean diskWitness) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Configure the quorum and the witness disk";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(CreateClusterStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        QuorumMode mode = inventory.cluster().effectiveQuorum(inventory.hosts().size());
        return new Params(inventory.cluster().witness().map(DiskRef::of).orElse(null),
                mode == QuorumMode.NODE_AND_DISK_MAJORITY);
    }

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host.name());
        Params p = parameters(facts.inventory(), host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        if (p.witness() != null) {
            ClusterDisks.plan(out, facts, host, cluster, p.witness());
            if (cluster.map(c -> c.sharedVolumes().stream().anyMatch(v -> v.name().equals(p.witness().label()))).orElse(false)) {
                out.problem("the witness disk '" + p.witness().label() + "' is a Cluster Shared Volume");
            }
        }
        String current = cluster.map(HostFacts.Cluster::quorumResource).orElse("");
        String now = current.isEmpty() ? "node majority" : "node and disk majority, witness '" + current + "'";
        if (p.diskWitness() && !current.equals(p.witness().label())) {
            out.change("quorum", cluster.isPresent() ? now : "", "node and disk majority, witness '" + p.witness().label() + "'");
        } else if (!p.diskWitness() && !current.isEmpty()) {
            out.change("quorum", now, "node majority");
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-ClusterQuorum shows the witness disk resource (node and disk majority) or none (node majority).",
                "Get-ClusterResource shows the witness disk under the inventory's label.");
    }
}
