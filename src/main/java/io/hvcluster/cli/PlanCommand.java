package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.run.Workflow;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster plan INVENTORY}: what apply would change, step by step and host by host. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Shows what apply would change, per step and host, without changing anything.",
            "Probes every host (read-only), then prints the changes, the reboot policy and a summary line."})
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

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TargetOptions.Target target = targets.open(inv, err);
             RunSession session = new RunSession(inv, target, run.toOptions(target.secrets(), targets.simulated()), run.runsDir,
                     logging, templates.renderer(), err, "plan")) {
            Workflow.Outcome outcome = new Workflow(session.runner, !preflight.skip, new CommandConsole(session, inv.hosts().size(), out, err, false))
                    .run(Workflow.Goal.PLAN);
            int exit = session.exitCode(outcome, err);
            err.println("report: " + session.folder.reportHtml());
            if (exit != ExitCode.OK.code()) {
                return exit;
            }
            return detailedExitCode && outcome.plan().toChange() > 0 ? ExitCode.CHANGES_PENDING.code() : ExitCode.OK.code();
        }
    }
}
