package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.inventory.load.InventoryReadException;
import io.hvcluster.inventory.load.LoadResult;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.report.PreflightPrinter;
import io.hvcluster.run.FactsCollection;
import io.hvcluster.run.RunOptions;
import io.hvcluster.init.TodoMarkers;
import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hvcluster validate INVENTORY}: every problem of the file, one line each, without touching any host. */
@Command(name = "validate", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Checks an inventory file and reports every problem in it, one line each (FILE:LINE:COL), including the values hvcluster init left for you to fill.",
            "Contacts no host. Exit code 0 when valid (warnings allowed), 2 when there is any error.",
            "With --online it then probes every host (read-only) and runs the preflight checks: every finding, host by host, with its fix. Exit code 2 when the preflight finds an error, 1 when a host does not answer."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster validate my-cluster.yaml",
            "  hvcluster validate my-cluster.yaml --online",
            "",
            "Environment:",
            "  HVCLUSTER_PASSWORD  the WinRM password (with --online), when the inventory",
            "                      says password: { env: HVCLUSTER_PASSWORD }",
            "  NO_COLOR            set to anything: no colours on the console"})
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
        List<TodoMarkers.Todo> todos = todos();
        todos.forEach(t -> spec.commandLine().getErr().println(result.source() + ":" + t.line() + ":" + t.column() + ": todo: " + t.what()));
        result.formattedProblems().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getOut().println(summary(result) + (todos.isEmpty() ? ""
                : "; " + todos.size() + (todos.size() == 1 ? " value" : " values") + " left to fill (marked " + TodoMarkers.MARK + ")"));
        if (result.hasErrors()) {
            return ExitCode.INVALID_INPUT.code();
        }
        return online ? preflight(result.inventory().orElseThrow()) : ExitCode.OK.code();
    }

    /** The online half: facts and the preflight probe from every host, then every finding at once. */
    private int preflight(Inventory inv) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TargetOptions.Target target = targets.open(inv, err, logging.quiet());
             RunSession session = new RunSession(inv, target, RunOptions.defaults(target.secrets()), runsDir, logging,
                     templates.renderer(), err, "validate")) {
            FactsCollection facts;
            PreflightReport report;
            try {
                facts = RunInterrupt.instance().during(session.runner::collectFacts);
                report = facts.complete() ? RunInterrupt.instance().during(() -> session.runner.preflight(facts.facts())) : null;
            } catch (InterruptedException e) {
                // Ctrl-C: the run's end still reaches the report; nothing was changed (validate changes nothing).
                session.runner.finishInterrupted();
                session.printReportPath(err);
                return ExitCode.INTERRUPTED.code();
            }
            if (!facts.complete()) {
                facts.failures().forEach((h, why) -> err.println("error: " + h + ": " + why));
                throw new UserException(ExitCode.STEP_FAILED, "cannot validate online: " + facts.failures().size()
                        + " host(s) did not answer the facts probe");
            }
            if (logging.quiet()) {
                new PreflightPrinter().printProblems(report, out);
            } else {
                out.println();
                new PreflightPrinter().print(report, inv.hosts().size(), out);
            }
            out.flush();
            int exit = report.hasErrors() ? ExitCode.INVALID_INPUT.code() : ExitCode.OK.code();
            session.runner.finish(exit, "preflight: " + report.summary());
            session.printReportPath(err);
            return exit;
        }
    }

    /** The values hvcluster init left for the admin, by line: what is left to choose, before what is wrong. */
    private List<TodoMarkers.Todo> todos() {
        // Never read what the loader refused to open: /dev/zero or a FIFO would fill the heap or block for ever.
        if (!InventoryLoader.mayBeRead(inventory)) {
            return List.of();
        }
        try {
            return TodoMarkers.find(java.nio.file.Files.readString(inventory));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of(); // the loader has said what is wrong with the file
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
