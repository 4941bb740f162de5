package io.hvcluster.sim.host;

import io.hvcluster.steps.ConfigureQuorumStep;

/**
 * templates/configure-quorum/apply.ps1.vm around a model of Set-ClusterQuorum: one witness resource per cluster,
 * "File Share Witness" and "Cloud Witness" named after their resource types as Windows names them, the old disk
 * witness back in Available Storage. A witness set out of band (the admin's) stays unless the inventory says
 * which witness to use.
 */
final class ConfigureQuorumEffect implements StepEffect<ConfigureQuorumStep.Params> {

    static final String DISK = "Physical Disk";
    static final String SHARE = "File Share Witness";
    static final String CLOUD = "Cloud Witness";

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
        String type = current.isEmpty() ? "" : c.quorumType.isEmpty() ? DISK : c.quorumType;
        String target = switch (type) {
            case SHARE -> c.witnessSharePath;
            case CLOUD -> c.witnessAccountName;
            default -> current;
        };
        String now = current.isEmpty() ? "none" : "'" + current + "' (" + type + ", " + target + ")";
        boolean described = !current.isEmpty() && switch (params.kind()) {
            case "disk" -> type.equals(DISK) && current.equalsIgnoreCase(params.witness().label());
            case "fileShare" -> type.equals(SHARE) && target.equalsIgnoreCase(params.fileShare());
            case "cloud" -> type.equals(CLOUD) && target.equalsIgnoreCase(params.cloudAccount());
            default -> false;
        };
        if (params.useWitness() && !described) {
            switch (params.kind()) {
                case "disk" -> {
                    SimulatedCluster.DiskResource res = c.diskResource(params.witness().label()).orElseThrow(() ->
                            new StepFailure("The cluster resource '" + params.witness().label() + "' could not be found."));
                    c.setWitness(res.name, DISK, "", "");
                    run.change("quorum witness set to disk '" + params.witness().label() + "' (was " + now + ")");
                }
                case "fileShare" -> {
                    c.setWitness(SHARE, SHARE, params.fileShare(), "");
                    run.change("quorum witness set to file share " + params.fileShare() + " (was " + now + ")");
                }
                case "cloud" -> {
                    if (run.secrets.get("cloudWitnessKey") == null) {
                        throw new StepFailure("no access key for the cloud witness on storage account " + params.cloudAccount()
                                + ": hvcluster delivers it from the environment variable the inventory names");
                    }
                    c.setWitness(CLOUD, CLOUD, "", params.cloudAccount());
                    run.change("quorum witness set to the cloud witness on storage account " + params.cloudAccount() + " (was " + now + ")");
                }
                default -> throw new StepFailure("You cannot call a method on a null-valued expression.");
            }
        } else if (!params.useWitness() && !current.isEmpty()) {
            if (described) {
                c.setWitness("", "", "", "");
                run.change("quorum set to node majority (witness '" + current + "' released)");
            } else {
                run.warning("the cluster has the witness " + now + ", which the inventory does not describe: left in place (Microsoft "
                        + "recommends a witness; describe it in the inventory, or remove it by hand with Set-ClusterQuorum -NoWitness)");
            }
        }
        run.data.put("quorumResource", c.quorumResource);
    }
}
