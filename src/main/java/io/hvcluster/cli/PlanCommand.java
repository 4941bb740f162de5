package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.Plan;
import io.hvcluster.report.PlanPrinter;
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

    @Option(names = "--out", paramLabel = "<plan.json>",
            description = "Save the plan (with the inventory's SHA-256 and the facts' fingerprints) for 'hvcluster apply <plan.json>'.")
    java.nio.file.Path out;

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        try (TargetOptions.Target target = targets.open(inv, spec.commandLine().getErr());
             RunSession session = new RunSession(inv, target, run.toOptions(target.secrets(), targets.simulated()), run.runsDir,
                     logging, templates.renderer(), spec.commandLine().getErr(), "plan")) {
            java.util.Map<String, io.hvcluster.facts.HostFacts> facts = session.factsOrFail("plan", spec.commandLine().getErr());
            preflight.check(session, facts, inv.hosts().size(), spec.commandLine().getOut(), "plan");
            Plan plan = session.runner.plan(facts);
            new PlanPrinter(session.titles, false).print(plan, spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            session.listener.runFinished(new io.hvcluster.run.RunEvents.RunFinished(plan.hasProblems() ? 1 : 0, plan.summary(),
                    java.time.Duration.ZERO, java.time.Instant.now()));
            if (out != null) {
                io.hvcluster.plan.PlanFile.of(inventory.file().toAbsolutePath().normalize(), plan, java.time.Instant.now()).write(out);
                spec.commandLine().getErr().println("plan saved to " + out + "; apply exactly this plan with: hvcluster apply " + out);
            }
            spec.commandLine().getErr().println("report: " + session.folder.reportHtml());
            if (plan.hasProblems()) {
                return ExitCode.STEP_FAILED.code();
            }
            return detailedExitCode && plan.toChange() > 0 ? ExitCode.CHANGES_PENDING.code() : ExitCode.OK.code();
        }
    }
}
