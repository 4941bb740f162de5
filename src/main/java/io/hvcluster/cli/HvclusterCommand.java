package io.hvcluster.cli;

import picocli.CommandLine.Command;

/** The top-level `hvcluster` command: only groups the subcommands. */
@Command(
        name = "hvcluster",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds a Hyper-V failover cluster from a YAML inventory over WinRM.",
        subcommands = {ValidateCommand.class, RenderCommand.class, FactsCommand.class, PlanCommand.class, ApplyCommand.class,
            SimulateCommand.class, CapacityCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0 success (plan --detailed-exitcode: no changes)", "  1 a step failed on a host",
            "  2 invalid usage or invalid inventory", "  3 changes pending (plan --detailed-exitcode)",
            "  4 internal error"})
public final class HvclusterCommand {
}
