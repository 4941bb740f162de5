package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.PlanFile;
import io.hvcluster.run.Workflow;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster plan INVENTORY}: what apply would change, step by step and host by host. */
@Command(name = "plan", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Shows what apply would change, per step and host, without changing anything.",
            "Probes every host (read-only), then prints the changes, the reboot policy and a summary line."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster plan my-cluster.yaml",
            "  hvcluster plan my-cluster.yaml --detailed-exitcode -q   (exit 0: converged, 3: changes pending)",
            "  hvcluster plan inventories/lab-2node.yaml --simulate",
            "",
            "Environment:",
            "  HVCLUSTER_PASSWORD  the WinRM password, when the inventory says",
            "                      password: { env: HVCLUSTER_PASSWORD }",
            "  NO_COLOR            set to anything: no colours on the console"})
final class PlanCommand implements Callable<Integer> {

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

    @Option(names = "--detailed-exitcode", description = "Exit 0 when nothing would change and 3 when something would (1 on errors).")
    boolean detailedExitCode;

    @Option(names = "--out", paramLabel = "<plan.json>",
            description = "Save the plan (with the inventory's SHA-256 and the facts' fingerprints) for 'hvcluster apply <plan.json>'.")
    java.nio.file.Path planOut;

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        run.check();
        Inventory inv = inventory.load(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TargetOptions.Target target = targets.open(inv, err, logging.quiet());
             RunSession session = new RunSession(inv, target, run.toOptions(target.secrets(), targets.simulated()), run.runsDir,
                     logging, templates.renderer(), err, "plan")) {
            Workflow workflow = new Workflow(session.runner, !preflight.skip,
                    new CommandConsole(session, inv.hosts().size(), out, err, CommandConsole.YES, plan -> { }))
                    .detailedExitCode(detailedExitCode)
                    .exitCodes(ExceptionMapping::exitCodeOf);
            Workflow.Outcome outcome = RunInterrupt.instance().during(() -> workflow.run(Workflow.Goal.PLAN));
            // One exit code, decided once in the workflow: the console's "(exit N)", the report and the process show it.
            int exit = session.exitCode(outcome, err);
            if (planOut != null && outcome.ending() == Workflow.Ending.PLANNED && !outcome.plan().hasProblems()) {
                PlanFile.of(inventory.file().toAbsolutePath().normalize(), outcome.plan(), session.runner.time().now()).write(planOut);
                err.println("plan saved to " + planOut + "; apply exactly this plan with: hvcluster apply " + planOut);
            }
            session.printReportPath(err);
            return exit;
        }
    }
}
