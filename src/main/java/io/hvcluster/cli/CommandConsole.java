package io.hvcluster.cli;

import io.hvcluster.estimate.BuildEstimate;
import io.hvcluster.plan.Plan;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.report.PlanPrinter;
import io.hvcluster.report.PreflightPrinter;
import io.hvcluster.run.Workflow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The workflow's console in a terminal: the preflight and the plan on stdout, the question on stderr, the
 * answer from the terminal. Without --yes and without a terminal there is nobody to ask: that is an error,
 * never a silent yes.
 */
final class CommandConsole implements Workflow.Console {

    private final RunSession session;
    private final int hosts;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean yes;

    /** @param yes apply without asking */
    CommandConsole(RunSession session, int hosts, PrintWriter out, PrintWriter err, boolean yes) {
        this.session = session;
        this.hosts = hosts;
        this.out = out;
        this.err = err;
        this.yes = yes;
    }

    @Override
    public void preflight(PreflightReport report) {
        new PreflightPrinter().print(report, hosts, out);
        out.flush();
    }

    @Override
    public void plan(Plan plan) {
        if (session.dryRun != null) {
            // Nothing was asked, so there is no per-host plan to show: only the path the scripts take.
            out.println("Dry run: nothing is contacted. Every step's scripts are written in the order a live run uses;");
            out.println("each script checks its host and changes only what differs.");
            out.println("Reboot: " + plan.reboot().reason());
            out.flush();
            return;
        }
        new PlanPrinter(session.titles, false).print(plan, out);
        if (plan.toChange() > 0) {
            // How long the change window should be, from the hardware profile (docs/performance.md).
            out.println(BuildEstimate.forPlan(session.inventory, plan).line());
        }
        out.flush();
    }

    @Override
    public boolean confirm(Plan plan) {
        if (yes) {
            return true;
        }
        if (System.console() == null) {
            throw new UserException(ExitCode.INVALID_INPUT, "no terminal to confirm the plan on: add --yes to apply without asking");
        }
        err.print("Apply these changes? Only 'yes' applies: ");
        err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return "yes".equals(answer == null ? "" : answer.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer from the terminal: " + e.getMessage(), e);
        }
    }
}
