package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.AddClusterSharedVolume;
import java.util.List;
import java.util.Optional;
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
    public StepPlan plan(String host, Params params, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        for (DiskRef v : params.volumes()) {
            if (sameDisk(facts.of(host), v, params.witness())) {
                out.problem("disk '" + v.label() + "' is the witness disk; a witness never becomes a Cluster Shared Volume");
                continue;
            }
            Optional<HostFacts.DiskResource> res = ClusterDisks.plan(out, facts, host, cluster, v);
            String name = res.map(HostFacts.DiskResource::name).orElse(v.label());
            Optional<HostFacts.SharedVolume> csv = cluster.flatMap(c -> c.sharedVolumes().stream().filter(s -> s.name().equals(name)).findFirst());
            if (cluster.map(c -> c.quorumResource().equals(name)).orElse(false)) {
                out.problem("disk '" + v.label() + "' is the quorum witness; a witness never becomes a Cluster Shared Volume");
            } else if (csv.isEmpty()) {
                // The resource carries the label by then: renamed (or added and renamed) just before.
                out.add("Cluster Shared Volume '" + v.label() + "'", "").by(new AddClusterSharedVolume(v.label()));
            } else if (!csv.get().state().equals("Online")) {
                out.problem(offline(v.label(), csv.get()));
            }
        }
        return out.build();
    }

    /**
     * Whether {@code volume} is the witness by the one disk matcher ({@link DiskRef#identity}): the witness's serial or
     * unique id matches the volume's, or both find the same disk on this node (a serial in another case or padded is
     * the same disk).
     */
    private static boolean sameDisk(HostFacts node, DiskRef volume, DiskRef witness) {
        if (witness == null) {
            return false;
        }
        if (witness.identity().matches(volume.serial(), volume.uniqueId())) {
            return true;
        }
        List<HostFacts.Disk> v = volume.identity().matching(node);
        List<HostFacts.Disk> w = witness.identity().matching(node);
        return v.size() == 1 && w.size() == 1 && v.get(0).number() == w.get(0).number();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-ClusterSharedVolume lists every CSV Online; each node shows it under C:\\ClusterStorage.");
    }

    /** An offline CSV has no volume path and cannot hold VMs: the admin brings it online, hvcluster never forces it. */
    static String offline(String label, HostFacts.SharedVolume csv) {
        return "Cluster Shared Volume '" + label + "' (" + csv.name() + ") is " + csv.state() + ": bring it online (Start-ClusterResource -Name '"
                + csv.name() + "'), then run again";
    }
}
