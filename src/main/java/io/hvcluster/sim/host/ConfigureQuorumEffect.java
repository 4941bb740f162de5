package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureQuorumStep;

/** templates/configure-quorum/apply.ps1.vm. */
final class ConfigureQuorumEffect implements StepEffect<ConfigureQuorumStep.Params> {

    @Override
    public Class<ConfigureQuorumStep.Params> paramsType() {
        return ConfigureQuorumStep.Params.class;
    }

    @Override
    public void apply(StepRun run, ConfigureQuorumStep.Params params) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        if (params.witness() != null) {
            SimulatedCluster.DiskResource res = ClusterDisks.add(run, c, params.witness());
            if (c.sharedVolume(res.name).isPresent()) {
                throw new StepFailure("the witness disk '" + params.witness().label() + "' is a Cluster Shared Volume; a witness must be a dedicated disk");
            }
        }
        String current = c.quorumResource;
        if (params.diskWitness()) {
            if (params.witness() == null) {
                throw new StepFailure("You cannot call a method on a null-valued expression.");
            }
            if (!current.equalsIgnoreCase(params.witness().label())) {
                SimulatedCluster.DiskResource res = c.diskResource(params.witness().label()).orElseThrow(() ->
                        new StepFailure("The cluster resource '" + params.witness().label() + "' could not be found."));
                c.diskResources.stream().filter(r -> r.name.equals(current)).forEach(r -> r.ownerGroup = "Available Storage");
                res.ownerGroup = "Cluster Group";
                c.quorumResource = res.name;
                run.change("quorum set to node and disk majority with witness '" + params.witness().label() + "'");
            }
        } else if (!current.isEmpty()) {
            c.diskResources.stream().filter(r -> r.name.equals(current)).forEach(r -> r.ownerGroup = "Available Storage");
            c.quorumResource = "";
            run.change("quorum set to node majority (witness '" + current + "' released)");
        }
        run.data.put("quorumResource", c.quorumResource);
    }
}
