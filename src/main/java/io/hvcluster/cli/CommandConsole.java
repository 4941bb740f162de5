package io.hvcluster.cli;

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
import java.util.function.Consumer;

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
    private final Consumer<Plan> beforeConfirm;

    /** @param yes apply without asking */
    CommandConsole(RunSession session, int hosts, PrintWriter out, PrintWriter err, boolean yes) {
        this(session, hosts, out, err, yes, plan -> { });
    }

    /**
     * @param beforeConfirm a check of the shown plan before anything is asked or applied; it throws a
     *                      {@link UserException} to refuse the plan (the password over plain HTTP)
     */
    CommandConsole(RunSession session, int hosts, PrintWriter out, PrintWriter err, boolean yes, Consumer<Plan> beforeConfirm) {
        this.session = session;
        this.hosts = hosts;
        this.out = out;
        this.err = err;
        this.yes = yes;
        this.beforeConfirm = beforeConfirm;
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
        out.flush();
    }

    @Override
    public boolean confirm(Plan plan) {
        beforeConfirm.accept(plan);
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
