package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.inventory.load.InventoryReadException;
import io.hvcluster.inventory.load.LoadResult;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.report.PreflightPrinter;
import io.hvcluster.run.FactsCollection;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hvcluster validate INVENTORY}: every problem of the file, one line each, without touching any host. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks an inventory file and reports every problem in it, one line each.",
            "Contacts no host. Exit code 0 when valid (warnings allowed), 2 when there is any error.",
            "With --online it then probes every host (read-only) and runs the preflight checks: every finding,",
            "host by host, with its fix. Exit code 2 when the preflight finds an error, 1 when a host does not answer."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<inventory>", description = "The inventory YAML file.")
    Path inventory;

    @Option(names = "--online", description = "Also probe the hosts (read-only) and run the preflight checks.")
    boolean online;

    @Mixin
    TargetOptions targets;

    @Mixin
    TemplateOption templates;

    @Option(names = "--runs-dir", paramLabel = "<dir>", defaultValue = "runs",
            description = "With --online: where the run's folder (journal, report, log) is created. Default: ${DEFAULT-VALUE}")
    Path runsDir;

    @Override
    public Integer call() throws InterruptedException {
        ConsoleLogging.configure(logging);
        LoadResult result;
        try {
            result = InventoryLoader.load(inventory);
        } catch (InventoryReadException e) {
            throw new UserException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        result.formattedProblems().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getOut().println(summary(result));
        if (result.hasErrors()) {
            return ExitCode.INVALID_INPUT.code();
        }
        return online ? preflight(result.inventory().orElseThrow()) : ExitCode.OK.code();
    }

    /** The online half: facts and the preflight probe from every host, then every finding at once. */
    private int preflight(Inventory inv) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TargetOptions.Target target = targets.open(inv, err);
             RunSession session = new RunSession(inv, target, RunOptions.defaults(target.secrets()), runsDir, logging,
                     templates.renderer(), err, "validate")) {
            FactsCollection facts = session.runner.collectFacts();
            if (!facts.complete()) {
                facts.failures().forEach((h, why) -> err.println("error: " + h + ": " + why));
                throw new UserException(ExitCode.STEP_FAILED, "cannot validate online: " + facts.failures().size()
                        + " host(s) did not answer the facts probe");
            }
            PreflightReport report = session.runner.preflight(facts.facts());
            out.println();
            new PreflightPrinter().print(report, inv.hosts().size(), out);
            out.flush();
            int exit = report.hasErrors() ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
            session.listener.runFinished(new RunEvents.RunFinished(exit, "preflight: " + report.summary(), Duration.ZERO, session.runner.time().now()));
            err.println("report: " + session.folder.reportHtml());
            return exit;
        }
    }

    private static String summary(LoadResult result) {
        String warnings = count(result.warnings().size(), "warning");
        if (result.hasErrors()) {
            return result.source() + ": " + count(result.errors().size(), "error") + ", " + warnings;
        }
        Inventory inv = result.inventory().orElseThrow();
        String valid = result.source() + ": valid (" + count(inv.hosts().size(), "host") + ", "
                + count(inv.networks().size(), "network") + ")";
        return result.warnings().isEmpty() ? valid : valid + ", " + warnings;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
