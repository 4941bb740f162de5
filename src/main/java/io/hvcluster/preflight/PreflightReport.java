package io.hvcluster.preflight;

import java.util.List;

/** Every finding of a preflight, host by host in inventory order, cluster-wide ones last; and what was skipped. */
public record PreflightReport(List<Finding> findings, List<Skipped> skipped) {

    public PreflightReport {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::error).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.error()).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::error);
    }

    /** "2 errors, 1 warning". */
    public String summary() {
        return count(errors().size(), "error") + ", " + count(warnings().size(), "warning");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
