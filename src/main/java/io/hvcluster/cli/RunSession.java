package io.hvcluster.cli;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.exec.dryrun.DryRunExecutor;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.report.ConsoleReporter;
import io.hvcluster.report.JournalWriter;
import io.hvcluster.report.ReportWriter;
import io.hvcluster.report.RunFolder;
import io.hvcluster.report.RunOrigin;
import io.hvcluster.report.ScriptArchive;
import io.hvcluster.report.StepTitles;
import io.hvcluster.run.PipelineRunner;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunListener;
import io.hvcluster.run.RunListeners;
import io.hvcluster.run.RunOptions;
import io.hvcluster.run.ScriptRecorder;
import io.hvcluster.run.Workflow;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.steps.StandardPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What `plan`, `apply`, `apply --dry-run` and `validate --online` share: a run folder with its journal, report
 * and log, the console progress, and the runner wired to the chosen hosts (or, in a dry run, to the dry-run
 * executor writing into the run folder). Closing it closes the journal, the executors and the target.
 */
final class RunSession implements AutoCloseable {

    final RunFolder folder;
    final Inventory inventory;
    final PipelineRunner runner;
    final RunListener listener;
    final StepTitles titles;
    /** The dry run's executor (it lists what it wrote), or null in a live run. */
    final DryRunExecutor dryRun;
    private final JournalWriter journal;
    private final TargetOptions.Target target;
    private final boolean quiet;
    /** Who runs this, from where: what the run lock records. */
    final RunOrigin origin;

    RunSession(Inventory inventory, TargetOptions.Target target, RunOptions options, Path runsDir, LoggingOptions logging,
            ScriptRenderer renderer, PrintWriter err, String mode) {
        this(inventory, folder -> target, null, options, RunFolder.create(WritablePath.folder("--runs-dir", runsDir)), logging, renderer, err, mode);
    }

    /** A dry run: nothing is contacted; the scripts go to {@code <run folder>/scripts/<host>/}. */
    static RunSession dryRun(Inventory inventory, RunOptions options, Path runsDir, LoggingOptions logging, ScriptRenderer renderer,
            PrintWriter err) {
        RunFolder folder = RunFolder.create(WritablePath.folder("--runs-dir", runsDir));
        DryRunExecutor executor = new DryRunExecutor(folder.dir().resolve("scripts"));
        TargetOptions.Target nothing = new TargetOptions.Target(host -> executor, Map.of(), new SecretMasker(List.of()), () -> { }, false);
        return new RunSession(inventory, f -> nothing, executor, options, folder, logging, renderer, err, Workflow.Goal.DRY_RUN.verb());
    }

    private RunSession(Inventory inventory, Function<RunFolder, TargetOptions.Target> targets, DryRunExecutor dryRun, RunOptions options,
            RunFolder folder, LoggingOptions logging, ScriptRenderer renderer, PrintWriter err, String mode) {
        this.folder = folder;
        this.inventory = inventory;
        this.target = targets.apply(folder);
        this.quiet = logging.quiet();
        this.dryRun = dryRun;
        ConsoleLogging.addRunLog(folder.runLog(), logging);
        this.titles = StepTitles.of(StandardPipeline.create());
        this.journal = new JournalWriter(folder.journal(), target.masker());
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        String version = Versions.current();
        this.origin = RunOrigin.current(version, inventory.connection() == null ? "" : inventory.connection().username());
        this.listener = new RunListeners(List.of(journal, new ReportWriter(folder, titles, target.masker(), origin),
                new ConsoleReporter(err, new ConsoleReporter.Options(ConsoleReporter.Verbosity.of(logging.quiet(), logging.verbose()),
                        color, false), titles)));
        // A dry run's scripts are already in the run folder, written by its executor: the report links those.
        ScriptRecorder recorder = dryRun == null ? new ScriptArchive(folder, target.masker())
                : (host, position, stepId, phase, text, result) -> dryRun.written(host, stepId, phase)
                        .map(p -> folder.dir().relativize(p).toString().replace('\\', '/')).orElse("");
        this.runner = new PipelineRunner(inventory, new BundleRenderer(renderer, version), new FactsProbe(renderer, version),
                target.executors(), options, listener, recorder, target.masker());
        listener.runStarted(new RunEvents.RunStarted(folder.runId(), inventory.source(), inventory.cluster().name(),
                inventory.hosts().stream().map(Host::name).toList(), mode, runner.time().now(), target.simulated()));
    }

    /** This run as the run lock records it: its id, who runs it, from which machine, since now. */
    io.hvcluster.facts.RunLockMark lockMark() {
        return new io.hvcluster.facts.RunLockMark(folder.runId(), origin.osUser(), origin.machine(),
                runner.time().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }

    boolean quiet() {
        return quiet;
    }

    /** The hosts are the built-in simulator's. */
    boolean simulated() {
        return target.simulated();
    }

    /** The report's path, after the summary; -q leaves it out (the run folder is where it always is). */
    void printReportPath(PrintWriter err) {
        if (!quiet) {
            err.println("report: " + folder.reportHtml());
        }
    }

    /**
     * The exit code for how a workflow ended; an early end (a host that did not answer, preflight errors) is an
     * error with its one line, after one line per unreachable host.
     */
    int exitCode(Workflow.Outcome outcome, PrintWriter err) {
        switch (outcome.ending()) {
            case FACTS_MISSING -> {
                outcome.unreachable().forEach((h, why) -> err.println("error: " + h + ": " + why));
                throw new UserException(ExitCode.STEP_FAILED, outcome.summary());
            }
            case LOCKED -> throw new UserException(ExitCode.STEP_FAILED, outcome.summary());
            case PREFLIGHT_FAILED -> {
                // On simulated hosts the usual cause is state saved by an earlier run: a fresh start is the fix, not a skip.
                String next = simulated()
                        ? "These are simulated hosts: add --simulate-fresh to start them from a fresh install"
                        : "Fix the errors and run again (or add --skip-preflight if you are sure)";
                throw new UserException(ExitCode.STEP_FAILED, outcome.summary() + ". " + next);
            }
            default -> {
                return outcome.exitCode();
            }
        }
    }

    @Override
    public void close() {
        try {
            runner.close();
            journal.close();
        } finally {
            target.close();
        }
    }
}
