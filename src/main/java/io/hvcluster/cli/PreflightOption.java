package io.hvcluster.cli;

import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.report.PreflightPrinter;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The preflight that plan and apply run before planning, and the option to skip it. */
public final class PreflightOption {

    @Option(names = "--skip-preflight",
            description = "Do not run the preflight checks before planning ('validate --online' runs them on their own).")
    boolean skip;

    /**
     * Runs the preflight unless skipped and prints its findings on {@code out}.
     *
     * @throws UserException with exit code 1 when it found errors: nothing has changed yet
     */
    void check(RunSession session, java.util.Map<String, io.hvcluster.facts.HostFacts> facts, int hosts, PrintWriter out, String command,
            boolean quiet) throws InterruptedException {
        if (skip) {
            return;
        }
        PreflightReport report = session.runner.preflight(facts);
        // -q: the findings only when there is something to fix.
        if (!quiet || report.hasErrors() || !report.warnings().isEmpty()) {
            new PreflightPrinter().print(report, hosts, out);
        }
        out.flush();
        if (report.hasErrors()) {
            session.finish(ExitCode.STEP_FAILED.code(), "preflight: " + report.summary());
            // On simulated hosts the usual cause is state saved by an earlier run: a fresh start is the fix, not a skip.
            String next = session.simulated()
                    ? "These are simulated hosts: add --simulate-fresh to start them from a fresh install"
                    : "Fix the errors and run again (or add --skip-preflight if you are sure)";
            throw new UserException(ExitCode.STEP_FAILED, "cannot " + command + ": the preflight found " + report.summary()
                    + "; nothing was changed. " + next);
        }
    }
}
