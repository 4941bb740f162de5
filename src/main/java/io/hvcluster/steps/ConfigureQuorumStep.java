package io.hvcluster.steps;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.List;
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
    public List<String> checks() {
        return List.of("Get-ClusterQuorum shows the witness disk resource (node and disk majority) or none (node majority).",
                "Get-ClusterResource shows the witness disk under the inventory's label.");
    }
}
