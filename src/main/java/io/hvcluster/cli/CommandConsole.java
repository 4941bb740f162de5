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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * The workflow's console in a terminal: the preflight and the plan on stdout, the question on stderr, the
 * answer from the terminal. Without --yes and without a terminal there is nobody to ask: that is an error,
 * never a silent yes.
 */
final class CommandConsole implements Workflow.Console {

    /** Asks whether to apply; tests replace it (there is no terminal under test). */
    interface Confirmation {
        boolean confirmed(PrintWriter prompt) throws IOException, InterruptedException;
    }

    /** --yes: apply without asking. */
    static final Confirmation YES = prompt -> true;

    /** The terminal: only 'yes' applies; without a terminal, --yes is required. */
    static final Confirmation TERMINAL = prompt -> {
        if (System.console() == null) {
            throw new UserException(ExitCode.INVALID_INPUT, "no terminal to confirm the plan on: add --yes to apply without asking");
        }
        prompt.print("Apply these changes? Only 'yes' applies: ");
        prompt.flush();
        // Read on a thread of its own: a read of the terminal cannot be interrupted, the wait for it can (Ctrl-C).
        FutureTask<String> read = new FutureTask<>(() -> new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine());
        Thread reader = new Thread(read, "hvcluster-confirm");
        reader.setDaemon(true);
        reader.start();
        String answer;
        try {
            answer = read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        return "yes".equals(answer == null ? "" : answer.strip());
    };

    private final RunSession session;
    private final int hosts;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Confirmation confirmation;
    private final Consumer<Plan> beforeConfirm;

    /**
     * @param beforeConfirm a check of the shown plan before anything is asked or applied; it throws a
     *                      {@link UserException} to refuse the plan (the password over plain HTTP)
     */
    CommandConsole(RunSession session, int hosts, PrintWriter out, PrintWriter err, Confirmation confirmation, Consumer<Plan> beforeConfirm) {
        this.session = session;
        this.hosts = hosts;
        this.out = out;
        this.err = err;
        this.confirmation = confirmation;
        this.beforeConfirm = beforeConfirm;
    }

    @Override
    public void preflight(PreflightReport report) {
        // -q: the errors and warnings only, when there are any.
        if (session.quiet()) {
            new PreflightPrinter().printProblems(report, out);
        } else {
            new PreflightPrinter().print(report, hosts, out);
        }
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
        if (!session.quiet()) {
            new PlanPrinter(session.titles, false).print(plan, out);
            if (plan.toChange() > 0) {
                // How long the change window should be, from the hardware profile (docs/performance.md).
                out.println(BuildEstimate.forPlan(session.inventory, plan).line());
            }
        }
        out.flush();
    }

    @Override
    public boolean confirm(Plan plan) throws InterruptedException {
        beforeConfirm.accept(plan);
        try {
            return confirmation.confirmed(err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
