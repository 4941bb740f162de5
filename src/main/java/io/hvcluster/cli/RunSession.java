package io.hvcluster.cli;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.report.ConsoleReporter;
import io.hvcluster.report.JournalWriter;
import io.hvcluster.report.ReportWriter;
import io.hvcluster.report.RunFolder;
import io.hvcluster.report.ScriptArchive;
import io.hvcluster.report.StepTitles;
import io.hvcluster.run.PipelineRunner;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunListener;
import io.hvcluster.run.RunListeners;
import io.hvcluster.run.RunOptions;
import io.hvcluster.steps.StandardPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What `plan` and `apply` share: a run folder with its journal, report and log, the console progress, and
 * the runner wired to the chosen hosts. Closing it closes the journal, the executors and the target.
 */
final class RunSession implements AutoCloseable {

    final RunFolder folder;
    final PipelineRunner runner;
    final RunListener listener;
    final StepTitles titles;
    private final JournalWriter journal;
    private final TargetOptions.Target target;

    RunSession(Inventory inventory, TargetOptions.Target target, RunOptions options, Path runsDir, LoggingOptions logging,
            ScriptRenderer renderer, PrintWriter err, String mode) {
        this.target = target;
        this.folder = RunFolder.create(runsDir);
        ConsoleLogging.addRunLog(folder.runLog(), logging);
        this.titles = StepTitles.of(StandardPipeline.create());
        this.journal = new JournalWriter(folder.journal(), target.masker());
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null;
        this.listener = new RunListeners(List.of(journal, new ReportWriter(folder, titles, target.masker()),
                new ConsoleReporter(err, new ConsoleReporter.Options(ConsoleReporter.Verbosity.of(logging.quiet(), logging.verbose()),
                        color, false), titles)));
        String version = Versions.current();
        this.runner = new PipelineRunner(inventory, new BundleRenderer(renderer, version), new FactsProbe(renderer, version),
                target.executors(), options, listener, new ScriptArchive(folder, target.masker()), target.masker());
        listener.runStarted(new RunEvents.RunStarted(folder.runId(), inventory.source(), inventory.cluster().name(),
                inventory.hosts().stream().map(Host::name).toList(), mode, Instant.now()));
    }

    /** Every host's facts; one line per host that did not answer, then the command fails (exit 1). */
    java.util.Map<String, io.hvcluster.facts.HostFacts> factsOrFail(String verb, PrintWriter err) throws InterruptedException {
        io.hvcluster.run.FactsCollection facts = runner.collectFacts();
        if (!facts.complete()) {
            facts.failures().forEach((h, why) -> {
                err.println("error: " + h + ": " + why);
                listener.hostNotice(new RunEvents.HostNotice(h, io.hvcluster.run.NoticeKind.UNREACHABLE, why, Instant.now()));
            });
            String summary = "cannot " + verb + ": " + facts.failures().size() + " host(s) did not answer the facts probe";
            // The run folder still gets its report, saying why nothing ran.
            listener.runFinished(new RunEvents.RunFinished(ExitCode.STEP_FAILED.code(), summary, java.time.Duration.ZERO, Instant.now()));
            throw new UserException(ExitCode.STEP_FAILED, summary);
        }
        return facts.facts();
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
