package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.steps.AddSharedVolumesStep;
import io.hvcluster.steps.DiskRef;
import java.util.Optional;

/** add-shared-volumes: each CSV disk clustered under its label and a Cluster Shared Volume. */
final class AddSharedVolumesDiff implements StepDiff {

    @Override
    public StepPlan diff(Host host, FactsView facts) {
        PlanLines out = new PlanLines(AddSharedVolumesStep.ID, host.name());
        AddSharedVolumesStep.Params p = new AddSharedVolumesStep().parameters(facts.inventory(), host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        for (DiskRef v : p.volumes()) {
            Optional<HostFacts.DiskResource> res = ClusterDisks.plan(out, facts.of(host.name()), cluster, v);
            String name = res.map(HostFacts.DiskResource::name).orElse(v.label());
            boolean csv = cluster.map(c -> c.sharedVolumes().stream().anyMatch(s -> s.name().equals(name))).orElse(false);
            if (cluster.map(c -> c.quorumResource().equals(name)).orElse(false)) {
                out.problem("disk '" + v.label() + "' is the quorum witness");
            } else if (!csv) {
                out.change("add '" + v.label() + "' to Cluster Shared Volumes");
            }
        }
        return out.toPlan();
    }
}
