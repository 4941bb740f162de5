package io.hvcluster.cli;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.report.VerifyPrinter;
import io.hvcluster.run.FactsCollection;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunOptions;
import io.hvcluster.run.RunLock;
import io.hvcluster.verify.BurnIn;
import io.hvcluster.verify.BurnInOperation;
import io.hvcluster.verify.BurnInScripts;
import io.hvcluster.verify.VerifyProbe;
import io.hvcluster.verify.VerifyReport;
import io.hvcluster.verify.Verification;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hvcluster verify INVENTORY [--burn-in]}: proves the built cluster works (docs/verify.md). */
@Command(name = "verify", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Checks the running cluster against the inventory, read-only: nodes up and none paused, quorum and witness, every CSV online, reachable from every node and in direct access, identical virtual switches, cluster networks and live-migration order, Hyper-V running, no pending restart, the last validation, Linux VMs on dynamic MACs.",
            "Each finding is a line with host, what was found, what was expected, and the fix. Exit code 0 when every check holds (warnings allowed), 1 otherwise, 2 for a bad inventory.",
            "With --burn-in it then runs the acceptance test on a cluster without production roles: a test VM per CSV, live-migrated to every node in turn, each CSV moved to every node, each node drained and resumed; the test VMs are removed at the end, also after a failure or Ctrl-C.",
            "Every run leaves runs/<time>/ with report.html, report.json, journal.jsonl and run.log."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster verify my-cluster.yaml",
            "  hvcluster verify my-cluster.yaml --burn-in --ping 10.0.0.200",
            "  hvcluster verify inventories/lab-2node.yaml --simulate",
            "",
            "Environment:",
            "  HVCLUSTER_PASSWORD  the WinRM password, when the inventory says",
            "                      password: { env: HVCLUSTER_PASSWORD }"})
final class VerifyCommand implements Callable<Integer> {

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

    @Option(names = "--burn-in", description = "After the checks, run the acceptance test (creates, migrates and removes test VMs).")
    boolean burnIn;

    @Option(names = "--force", description = "With --burn-in: run although the cluster runs roles burn-in did not create (it never touches them).")
    boolean force;

    @Option(names = "--ping", paramLabel = "<address>",
            description = "With --burn-in: ping this address (a VM you run) from the first node during every migration and report lost replies.")
    String ping;

    @Option(names = "--runs-dir", paramLabel = "<dir>", defaultValue = "runs",
            description = "Where the run's folder (journal, report, log) is created. Default: ${DEFAULT-VALUE}")
    Path runsDir;

    @Override
    public Integer call() throws InterruptedException {
        ConsoleLogging.configure(logging);
        if ((force || ping != null) && !burnIn) {
            throw new UserException(ExitCode.INVALID_INPUT, (force ? "--force" : "--ping") + " goes with --burn-in");
        }
        if (ping != null && !ping.matches("[A-Za-z0-9.:-]{1,253}")) {
            throw new UserException(ExitCode.INVALID_INPUT, "--ping: '" + ping + "' is not an IP address or host name");
        }
        Inventory inv = inventory.load(spec.commandLine().getErr());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (TargetOptions.Target target = targets.open(inv, err);
             RunSession session = new RunSession(inv, target, RunOptions.defaults(target.secrets()), runsDir, logging,
                     templates.renderer(), err, "verify")) {
            FactsCollection facts = session.runner.collectFacts();
            if (!facts.complete()) {
                facts.failures().forEach((h, why) -> err.println("error: " + h + ": " + why));
                session.runner.finish(ExitCode.STEP_FAILED.code(), "verify: " + facts.failures().size() + " host(s) did not answer the facts probe");
                session.printReportPath(err);
                throw new UserException(ExitCode.STEP_FAILED, "cannot verify: " + facts.failures().size() + " host(s) did not answer the facts probe");
            }
            String version = Versions.current();
            VerifyReport report = new Verification(inv, new VerifyProbe(templates.renderer(), version), session.runner::runScript,
                    "hvcluster apply " + inventory.file()).verify(facts.facts());
            VerifyPrinter printer = new VerifyPrinter();
            out.println();
            printer.findings(report, inv.hosts().size(), out);
            out.flush();
            session.runner.listener().verified(new RunEvents.Verified(report));
            if (burnIn) {
                report = burnIn(inv, session, facts, report, printer, out, version);
            }
            int exit = report.passed() ? ExitCode.OK.code() : ExitCode.STEP_FAILED.code();
            String summary = "verify: " + report.summary();
            session.runner.finish(exit, summary);
            err.println(summary);
            session.printReportPath(err);
            return exit;
        }
    }

    private VerifyReport burnIn(Inventory inv, RunSession session, FactsCollection facts, VerifyReport checked, VerifyPrinter printer,
            PrintWriter out, String version) throws InterruptedException {
        HostFacts.Cluster cluster = facts.facts().get(inv.firstNode().name()).cluster();
        if (cluster == null || !cluster.member()) {
            return checked.withOperations(List.of(), inv.firstNode().name() + " is not a member of a running cluster");
        }
        // The burn-in changes the cluster (test VMs, CSV owners, drains), so it holds the run lock like apply does:
        // no apply and no second burn-in may run while it does (docs/reliability.md, "Run lock").
        RunLock lock = session.runner.runLock(session.lockMark());
        Map<String, io.hvcluster.facts.RunLockMark> held = RunLock.heldByOthers(inv.hosts(), facts.facts(), lock.mine().runId());
        if (!held.isEmpty()) {
            String host = held.keySet().iterator().next();
            return notStarted(checked, host + " is " + RunLock.describe(held.get(host), session.runner.time().now())
                    + "; if that run is gone: hvcluster unlock " + inventory.file(), out);
        }
        try {
            lock.acquire();
        } catch (RunLock.LockedException e) {
            return notStarted(checked, e.getMessage(), out);
        }
        out.println("Burn-in on " + inv.firstNode().name() + " (test VMs are named " + BurnInScripts.PREFIX + "N and removed at the end):");
        List<BurnInOperation> so = new ArrayList<>();
        BurnIn.Result result;
        try {
            result = new BurnIn(inv, new BurnInScripts(templates.renderer(), version), session.runner::runScript,
                    new BurnIn.Options(force, ping), op -> {
                        so.add(op);
                        printer.operation(op, out);
                        session.runner.listener().verified(new RunEvents.Verified(checked.withOperations(so, "")));
                    }).run(cluster);
        } finally {
            lock.release();
        }
        if (!result.error().isEmpty()) {
            out.println("burn-in: " + result.error());
        }
        out.println();
        VerifyReport done = checked.withOperations(result.operations(), result.error());
        session.runner.listener().verified(new RunEvents.Verified(done));
        return done;
    }

    private static VerifyReport notStarted(VerifyReport checked, String why, PrintWriter out) {
        String error = "not started: " + why;
        out.println("burn-in: " + error);
        out.println();
        return checked.withOperations(List.of(), error);
    }
}
