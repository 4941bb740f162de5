package io.hvcluster.cli;

import io.hvcluster.exec.Script;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.Plan;
import io.hvcluster.run.RunOptions;
import io.hvcluster.run.Workflow;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import io.hvcluster.plan.PlanFile;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster apply INVENTORY}: the main job. */
@Command(name = "apply", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Builds the cluster, or fixes what drifted: the main job.",
            "Probes every host, shows the plan, asks for confirmation, then runs the steps in order and confirms each one by probing again. Re-run it any time: only drift is fixed. Answering anything but 'yes' exits 1 without changing anything.",
            "Given a plan file (hvcluster plan INVENTORY --out plan.json) instead of an inventory, applies exactly that plan without asking; a host that changed since the plan was made stops with exit code 1.",
            "Every run leaves runs/<time>/ with report.html, report.json, journal.jsonl, run.log and the scripts."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  export HVCLUSTER_PASSWORD=...; hvcluster apply my-cluster.yaml",
            "  hvcluster apply my-cluster.yaml --yes --reboot-strategy rolling",
            "  hvcluster apply inventories/lab-4node.yaml --simulate --yes",
            "  hvcluster apply my-cluster.yaml --dry-run",
            "  hvcluster plan my-cluster.yaml --out plan.json; hvcluster apply plan.json",
            "",
            "Environment:",
            "  HVCLUSTER_PASSWORD  the WinRM password, when the inventory says",
            "                      password: { env: HVCLUSTER_PASSWORD }",
            "  NO_COLOR            set to anything: no colours on the console"})
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

    @Option(names = "--dry-run", description = "Connect to nothing: write the scripts that would run, in order, into the run folder, "
            + "with its report. The reboot path follows --reboot-strategy (auto writes the safe rolling path: nothing is asked).")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        run.check();
        PlanFile saved = SavedPlanInput.open(inventory);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (dryRun) {
            RunOptions live = run.toOptions(Map.of(), false);
            // One script at a time: the scripts are written, and listed, in the order a live run starts them.
            RunOptions oneAtATime = new RunOptions(1, live.continueOnError(), live.rebootStrategy(), live.stepTimeout(),
                    live.rebootTimeout(), live.pollInterval(), live.secrets());
            try (RunSession session = RunSession.dryRun(inv, oneAtATime, run.runsDir, logging, templates.renderer(), err)) {
                Workflow workflow = new Workflow(session.runner, false, new CommandConsole(session, inv.hosts().size(), out, err,
                        CommandConsole.YES, plan -> { })).exitCodes(ExceptionMapping::exitCodeOf);
                Workflow.Outcome outcome = RunInterrupt.instance().during(() -> workflow.run(Workflow.Goal.DRY_RUN));
                out.println("In a live run these scripts run in this order (each skipped where the host is already in the desired state):");
                for (Script s : session.dryRun.recorded()) {
                    out.println(String.format("  %-28s on %-6s %s/%s", s.stepId(), s.host(), s.host(), s.fileName()));
                }
                List<io.hvcluster.bundle.ExtraFile> extras = new io.hvcluster.verify.VerifyBundle(templates.renderer(), Versions.current()).render(inv);
                for (io.hvcluster.bundle.ExtraFile x : extras) {
                    java.nio.file.Path file = session.dryRun.folder().resolve(x.path());
                    java.nio.file.Files.createDirectories(file.getParent());
                    io.hvcluster.render.PowerShellFile.write(file, x.text());
                }
                out.println("After the build, hvcluster verify runs " + extras.size() + " verify and burn-in scripts, written to "
                        + session.dryRun.folder().resolve("verify") + " and " + session.dryRun.folder().resolve("burn-in"));
                out.println("scripts: " + session.dryRun.folder() + " (hvcluster render writes the same bundle with its RUNBOOK.md)");
                err.println(outcome.summary() + ". report: " + session.folder.reportHtml());
                return session.exitCode(outcome, err);
            }
        }
        try (TargetOptions.Target target = targets.open(inv, err, logging.quiet());
             RunSession session = new RunSession(inv, target, run.toOptions(target.secrets(), targets.simulated()), run.runsDir,
                     logging, templates.renderer(), err, "apply")) {
            // Over plain HTTP the steps that deliver the domain password are refused before anything changes
            // (the simulated hosts are on loopback). A saved plan is checked now: it is not asked about again.
            Consumer<Plan> httpGuard = targets.simulated()
                    ? plan -> { }
                    : plan -> PasswordOverHttp.refuseApply(inv.connection(), plan);
            if (saved != null) {
                httpGuard.accept(saved.plan());
            }
            CommandConsole console = new CommandConsole(session, inv.hosts().size(), out, err, yes ? CommandConsole.YES : confirmation, httpGuard);
            // The plan shown (or saved) is what runs: the runner keeps to it and stops a host that changed meanwhile.
            Workflow workflow = new Workflow(session.runner, !preflight.skip, console).exitCodes(ExceptionMapping::exitCodeOf)
                    .lockAs(session.lockMark());
            if (saved != null) {
                workflow.savedPlan(saved.plan());
            }
            Workflow.Outcome outcome = RunInterrupt.instance().during(() -> workflow.run(Workflow.Goal.APPLY));
            int exit = session.exitCode(outcome, err);
            // The console reporter has printed the summary once ("Done in ...: ..."); only the report's path is left.
            session.printReportPath(err);
            return exit;
        }
    }

    /** Asks whether to apply; tests replace it (there is no terminal under test). */
    CommandConsole.Confirmation confirmation = CommandConsole.TERMINAL;
}
