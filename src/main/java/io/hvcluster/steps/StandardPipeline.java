package io.hvcluster.steps;

import io.hvcluster.pipeline.Pipeline;
import java.util.List;

/** The steps in the guide's order, ending with the final full validation. */
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
                new PrepareSharedDisksStep(),
                new ValidateClusterStep(),
                new CreateClusterStep(),
                new ConfigureQuorumStep(),
                new EnableHyperVStep(drainBeforeReboot),
                new AddSharedVolumesStep(),
                new CreateVirtualSwitchesStep(),
                new ConfigureClusterNetworksStep(),
                new HostSettingsStep(),
                new FinalValidationStep()));
    }

    public static Pipeline create() {
        return create(true);
    }
}
