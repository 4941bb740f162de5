package io.hvcluster.steps;

import io.hvcluster.pipeline.Pipeline;
import java.util.List;

/** The steps in the guide's order. */
public final class StandardPipeline {

    private StandardPipeline() {
    }

    /** @param drainBeforeReboot whether enable-hyper-v drains each node first (rolling builds) */
    public static Pipeline create(boolean drainBeforeReboot) {
        return new Pipeline(List.of(
                new RenameAdaptersStep(),
                new ConfigureAddressesStep(),
                new UnbindProtocolsStep(),
                new ConnectStorageStep(),
                new InstallFailoverClusteringStep(),
                new ValidateClusterStep(),
                new CreateClusterStep(),
                new ConfigureQuorumStep(),
                new EnableHyperVStep(drainBeforeReboot),
                new AddSharedVolumesStep(),
                new CreateVirtualSwitchesStep(),
                new ConfigureClusterNetworksStep()));
    }

    public static Pipeline create() {
        return create(true);
    }
}
