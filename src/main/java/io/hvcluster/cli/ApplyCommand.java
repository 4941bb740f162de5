package io.hvcluster.cli;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.bundle.RenderedScript;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.dryrun.DryRunExecutor;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.PlanFile;
import io.hvcluster.report.PlanPrinter;
import io.hvcluster.report.RunFolder;
import io.hvcluster.run.PipelineRunner;
import io.hvcluster.steps.StandardPipeline;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster apply INVENTORY}: the main job. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Builds the cluster, or fixes what drifted: the main job.",
            "Probes every host, shows the plan, asks for confirmation, then runs the steps in order and confirms",
            "each one by probing again. Re-run it any time: only drift is fixed.",
            "Given a plan file (hvcluster plan INVENTORY --out plan.json) instead of an inventory, applies exactly",
            "that plan without asking; a host that changed since the plan was made stops with exit code 1.",
            "Every run leaves runs/<time>/ with report.html, report.json, journal.jsonl, run.log and the scripts."})
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;
    @Mixin
    InventoryArgument inventory;
    @Mixin
    TargetOptions targets;
    @Mixin
    RunOptionsMixin run;
    @Mixin
    TemplateOption templates;
    @Mixin
    PreflightOption preflight;
    @Spec
    CommandSpec spec;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking for confirmation.")
    boolean yes;

    @Option(names = "--dry-run", description = "Connect to nothing: write the scripts that would run, in order, into the run folder.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        PlanFile saved = SavedPlanInput.open(inventory);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        if (dryRun) {
            return dryRun(inv);
        }
        try (TargetOptions.Target target = targets.open(inv, spec.commandLine().getErr());
             RunSession session = new RunSession(inv, target, run.toOptions(target.secrets(), targets.simulated()), run.runsDir,
                     logging, templates.renderer(), spec.commandLine().getErr(), "apply")) {
            java.util.Map<String, io.hvcluster.facts.HostFacts> facts = session.factsOrFail("apply", spec.commandLine().getErr());
            preflight.check(session, facts, inv.hosts().size(), spec.commandLine().getOut(), "apply");
            // The plan shown (or saved) is what runs: the runner keeps to it and stops a host that changed meanwhile.
            Plan plan = saved == null ? session.runner.plan(facts) : session.runner.adopt(saved.plan());
            new PlanPrinter(session.titles, false).print(plan, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            if (plan.toChange() == 0) {
                session.runner.apply(plan);
                spec.commandLine().getErr().println("nothing to change. report: " + session.folder.reportHtml());
                return ExitCode.OK.code();
            }
            if (saved == null && !yes && !confirmed()) {
                spec.commandLine().getErr().println("not applied.");
                return ExitCode.OK.code();
            }
            PipelineRunner.RunResult result = session.runner.apply(plan);
            spec.commandLine().getErr().println(result.summary() + ". report: " + session.folder.reportHtml());
            return result.anyFailed() ? ExitCode.STEP_FAILED.code() : ExitCode.OK.code();
        }
    }

    private boolean confirmed() throws java.io.IOException {
        if (System.console() == null) {
            throw new UserException(ExitCode.INVALID_INPUT, "no terminal to confirm the plan on: add --yes to apply without asking");
        }
        spec.commandLine().getErr().print("Apply these changes? Only 'yes' applies: ");
        spec.commandLine().getErr().flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return "yes".equals(answer == null ? "" : answer.strip());
    }

    /**
     * The same scripts a live run would use, in order, handed to the dry-run executor, which writes them into
     * the run folder instead of running them. Nothing is contacted, so nothing is known about the hosts'
     * state: a live run skips every script whose host is already in the desired state.
     */
    private int dryRun(Inventory inv) {
        RunFolder folder = RunFolder.create(run.runsDir);
        String version = Versions.current();
        List<RenderedScript> scripts = new BundleRenderer(templates.renderer(), version).render(inv, StandardPipeline.create());
        DryRunExecutor executor = new DryRunExecutor(folder.dir().resolve("scripts"));
        for (RenderedScript s : scripts) {
            executor.run(new Script(s.host(), s.stepId(), s.phase().name(), s.fileName(), s.text()), Duration.ZERO, OutputSink.discard());
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println("Dry run: nothing was contacted. In a live run these scripts run in this order (each skipped where the");
        out.println("host is already in the desired state):");
        for (Script s : executor.recorded()) {
            out.println(String.format("  %-28s on %-6s %s/%s", s.stepId(), s.host(), s.host(), s.fileName()));
        }
        out.println("scripts: " + executor.folder() + " (hvcluster render writes the same bundle with its RUNBOOK.md)");
        return ExitCode.OK.code();
    }
}
