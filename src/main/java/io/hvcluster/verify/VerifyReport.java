package io.hvcluster.verify;

import io.hvcluster.preflight.Finding;
import java.util.List;

/**
 * What {@code hvcluster verify} found, and what its burn-in did.
 *
 * @param findings   every check that does not hold (errors fail verify; warnings are advice), host by host
 * @param burnIn     whether a burn-in was asked for
 * @param operations the burn-in's operations in the order they ran (empty without --burn-in)
 * @param burnInError why the burn-in stopped early or was refused, or ""
 */
public record VerifyReport(List<Finding> findings, boolean burnIn, List<BurnInOperation> operations, String burnInError) {

    public VerifyReport {
        findings = List.copyOf(findings);
        operations = List.copyOf(operations);
        burnInError = burnInError == null ? "" : burnInError;
    }

    public long errors() {
        return findings.stream().filter(Finding::error).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    public long failedOperations() {
        return operations.stream().filter(o -> !o.ok()).count();
    }

    /** Whether verify exits 0: no error, and a burn-in (when asked for) that ran every operation cleanly. */
    public boolean passed() {
        return errors() == 0 && failedOperations() == 0 && burnInError.isEmpty();
    }

    /** "0 errors, 1 warning" and, with a burn-in, "; burn-in: 14 operations, 0 failed". */
    public String summary() {
        String s = count(errors(), "error") + ", " + count(warnings(), "warning");
        if (burnIn) {
            s += "; burn-in: " + count(operations.size(), "operation") + ", " + failedOperations() + " failed"
                    + (burnInError.isEmpty() ? "" : " (" + burnInError + ")");
        }
        return s;
    }

    public VerifyReport withOperations(List<BurnInOperation> ops, String error) {
        return new VerifyReport(findings, true, ops, error);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
