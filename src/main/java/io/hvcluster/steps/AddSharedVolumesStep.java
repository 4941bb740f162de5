package io.hvcluster.steps;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.List;
import java.util.Set;

/**
 * Step 9: add each CSV disk to the cluster under its label and to Cluster Shared Volumes; it then appears
 * under C:\ClusterStorage on every node. The witness disk never becomes a CSV.
 */
public final class AddSharedVolumesStep implements Step<AddSharedVolumesStep.Params> {

    public static final String ID = "add-shared-volumes";

    /** @param volumes the CSV disks; @param witness the witness disk (refused as a CSV), or null */
    public record Params(List<DiskRef> volumes, DiskRef witness) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Add the Cluster Shared Volumes";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(EnableHyperVStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        return new Params(inventory.cluster().sharedVolumes().stream().map(DiskRef::of).toList(),
                inventory.cluster().witness().map(DiskRef::of).orElse(null));
    }

    @Override
    public List<String> checks() {
        return List.of("Get-ClusterSharedVolume lists every CSV Online; each node shows it under C:\\ClusterStorage.");
    }
}
