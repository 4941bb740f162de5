package io.hvcluster.report;

import io.hvcluster.preflight.Finding;
import io.hvcluster.verify.BurnInOperation;
import io.hvcluster.verify.VerifyReport;
import java.io.PrintWriter;
import java.util.List;

/**
 * The console view of {@code hvcluster verify}: one line per finding (severity, host, check, found, expected) with
 * its fix under it, aligned as a table; and one line per burn-in operation as it completes.
 */
public final class VerifyPrinter {

    public void findings(VerifyReport report, int hosts, PrintWriter out) {
        List<Finding> findings = report.findings();
        if (findings.isEmpty()) {
            out.println("Verify: every check holds on " + hosts + " node" + (hosts == 1 ? "" : "s"));
            out.println();
            return;
        }
        out.println("Verify: " + report.summary().split(";")[0]);
        int host = Math.max(4, findings.stream().mapToInt(f -> f.host().length()).max().orElse(4));
        int check = Math.max(5, findings.stream().mapToInt(f -> f.check().length()).max().orElse(5));
        String row = "  %-7s %-" + host + "s  %-" + check + "s  %s; expected %s";
        out.println(String.format("  %-7s %-" + host + "s  %-" + check + "s  %s", "", "HOST", "CHECK", "FOUND; EXPECTED"));
        for (Finding f : findings) {
            out.println(String.format(row, f.severity().label(), f.host(), f.check(), f.found(), f.expected()));
            out.println(" ".repeat(10 + host + 2 + check + 2) + "fix: " + f.fix());
        }
        out.println();
    }

    public void operation(BurnInOperation o, PrintWriter out) {
        String where = o.to().isEmpty() ? "" : (o.from().isEmpty() ? "" : o.from() + " -> ") + o.to();
        out.println(String.format("  %-16s %-20s %-14s %8s  %s%s", o.kind().label(), o.subject(), where, DurationText.of(o.duration()),
                o.outcome(), o.detail().isEmpty() ? "" : "  (" + o.detail() + ")"));
        out.flush();
    }
}
