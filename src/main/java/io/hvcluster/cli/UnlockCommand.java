package io.hvcluster.cli;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.RunLockMark;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.run.FactsCollection;
import io.hvcluster.run.PipelineRunner;
import io.hvcluster.run.RunListener;
import io.hvcluster.run.RunLock;
import io.hvcluster.run.RunOptions;
import io.hvcluster.run.ScriptRecorder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster unlock INVENTORY [--run ID] [--yes]}: removes a run lock left by a run that ended without releasing it. */
@Command(name = "unlock", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Removes the run lock a crashed or killed apply left on the hosts (Terraform's force-unlock).",
            "Shows every lock with who took it, from where, when and how long ago, asks for confirmation, then removes each "
                + "one only if it is still held by the run shown. Only use it when no apply is running: the lock is what stops "
                + "two runs from changing the same hosts at once.",
            "Exit codes: 0 removed or nothing held, 1 a lock could not be removed or the removal was declined."},
        footerHeading = "%nExamples:%n",
        footer = {"  hvcluster unlock my-cluster.yaml", "  hvcluster unlock my-cluster.yaml --run 20260302-080000-1a2b --yes"})
final class UnlockCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;
    @Mixin
    InventoryArgument inventory;
    @Mixin
    TargetOptions targets;
    @Mixin
    TemplateOption templates;
    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID", description = "Remove only the lock of this run (the id the refused apply printed).")
    String runId;

    @Option(names = {"-y", "--yes"}, description = "Remove without asking for confirmation.")
    boolean yes;

    /** Asks whether to remove; tests replace it (there is no terminal under test). */
    CommandConsole.Confirmation confirmation = prompt -> {
        if (System.console() == null) {
            throw new UserException(ExitCode.INVALID_INPUT, "no terminal to confirm the removal on: add --yes to remove without asking");
        }
        prompt.print("Remove these run locks? Only 'yes' removes them: ");
        prompt.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return "yes".equals(answer == null ? "" : answer.strip());
    };

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.configure(logging);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inventory inv = inventory.load(err);
        ScriptRenderer renderer = templates.renderer();
        String version = Versions.current();
        try (TargetOptions.Target target = targets.open(inv, err);
             PipelineRunner runner = new PipelineRunner(inv, new BundleRenderer(renderer, version), new FactsProbe(renderer, version),
                     target.executors(), RunOptions.defaults(target.secrets()), new RunListener() { }, ScriptRecorder.none(),
                     target.masker())) {
            FactsCollection facts = runner.collectFacts();
            facts.failures().forEach((h, why) -> err.println("error: " + h + ": " + why));
            Map<String, RunLockMark> held = new LinkedHashMap<>();
            RunLock.heldByOthers(inv.hosts(), facts.facts(), "").forEach((h, mark) -> {
                if (runId == null || runId.equals(mark.runId())) {
                    held.put(h, mark);
                }
            });
            if (held.isEmpty()) {
                out.println(runId == null ? "No run lock is held on the hosts that answered." : "No host holds the lock of run " + runId + ".");
                return facts.complete() ? ExitCode.OK.code() : ExitCode.STEP_FAILED.code();
            }
            held.forEach((h, mark) -> out.println("  " + h + ": " + RunLock.describe(mark, runner.time().now())));
            out.flush();
            if (!yes && !confirm(err)) {
                err.println("not removed: the removal was declined");
                return ExitCode.STEP_FAILED.code();
            }
            Map<String, String> failed = runner.runLock(new RunLockMark("", "", "", "")).forceRelease(held);
            held.keySet().stream().filter(h -> !failed.containsKey(h)).forEach(h -> out.println("removed the run lock on " + h));
            failed.forEach((h, why) -> err.println("error: " + h + ": the run lock was not removed: " + why));
            return failed.isEmpty() && facts.complete() ? ExitCode.OK.code() : ExitCode.STEP_FAILED.code();
        }
    }

    private boolean confirm(PrintWriter err) throws IOException, InterruptedException {
        return confirmation.confirmed(err);
    }
}
