package io.hvcluster.report;

import io.hvcluster.preflight.Finding;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.preflight.Skipped;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a preflight report grouped host by host (cluster-wide findings last): each finding on one line
 * (severity, check, what was found, what was expected) and its fix on the next; then what was skipped.
 */
public final class PreflightPrinter {

    /**
     * What -q shows of a preflight: its errors and warnings with their fixes, nothing when there are none (no
     * "passed" line, no skipped checks: the run's summary says how it ended).
     */
    public void printProblems(PreflightReport report, PrintWriter out) {
        if (report.findings().isEmpty()) {
            return;
        }
        print(new PreflightReport(report.findings(), java.util.List.of()), 0, out);
    }

    public void print(PreflightReport report, int hosts, PrintWriter out) {
        if (report.findings().isEmpty()) {
            out.println("Preflight: every check passed on " + hosts + " host" + (hosts == 1 ? "" : "s")
                    + (report.skipped().isEmpty() ? "" : " (" + report.skipped().size() + " skipped, below)"));
        } else {
            out.println("Preflight: " + report.summary());
        }
        Map<String, List<Finding>> byHost = new LinkedHashMap<>();
        report.findings().forEach(f -> byHost.computeIfAbsent(f.host(), h -> new java.util.ArrayList<>()).add(f));
        byHost.forEach((host, findings) -> {
            out.println();
            out.println(host);
            for (Finding f : findings) {
                out.println(String.format("  %-7s [%s] %s; expected %s", f.severity().label(), f.check(), f.found(), f.expected()));
                out.println("          fix: " + f.fix());
            }
        });
        if (!report.skipped().isEmpty()) {
            out.println();
            out.println("skipped");
            for (Skipped s : report.skipped()) {
                out.println("  " + s.host() + " [" + s.check() + "] " + s.why());
            }
        }
        out.println();
    }
}
