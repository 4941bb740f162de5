package io.hvcluster.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level `hvcluster` command: groups the subcommands. Run alone it prints the usage on stderr and exits 2:
 * no command is a usage mistake (a script that runs `hvcluster $CMD` with an empty variable must not pass), while
 * `hvcluster help` and `hvcluster --help` print the same text on stdout and exit 0.
 */
@Command(
        name = "hvcluster",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        description = "Builds a Hyper-V failover cluster from a YAML inventory over WinRM.",
        subcommands = {InitCommand.class, ValidateCommand.class, RenderCommand.class, FactsCommand.class, PlanCommand.class,
            ApplyCommand.class, VerifyCommand.class, UnlockCommand.class, SimulateCommand.class, CapacityCommand.class, CommandLine.HelpCommand.class, VersionCommand.class,
            CompletionCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster init --hosts hv01,hv02 --out my-cluster.yaml",
            "  hvcluster validate my-cluster.yaml",
            "  hvcluster apply inventories/lab-4node.yaml --simulate --yes",
            "  hvcluster help apply",
            "",
            "Environment:",
            "  HVCLUSTER_PASSWORD   the WinRM password, when the inventory says",
            "                       password: { env: HVCLUSTER_PASSWORD }",
            "  NO_COLOR             set to anything: no colours on the console",
            "  HVCLUSTER_JAVA_OPTS  options for Java, read by the bin/hvcluster launchers",
            "",
            "Exit codes:",
            "  0 success (plan --detailed-exitcode: no changes)",
            "  1 a step failed, a host did not answer, the preflight stopped the run,",
            "    or an apply was declined",
            "  2 invalid usage, an invalid inventory, or a path that cannot be written",
            "  3 changes pending (plan --detailed-exitcode)",
            "  4 internal error (a bug: run again with -v and report it)",
            "  130 interrupted by Ctrl-C: running steps were stopped, the summary and the",
            "    report say what had happened, simulated hosts keep their state"})
public final class HvclusterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT.code();
    }
}
