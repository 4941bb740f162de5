package io.hvcluster.verify;

import io.hvcluster.inventory.check.Severity;
import io.hvcluster.preflight.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How verify reads "the last validation was approved", in one place. The verify probe reports, per node, the mark
 * final-validation leaves (HKLM:\SOFTWARE\hvcluster\Validation: Approved, Result, Report → passed, warnings for a
 * conditionally approved result, or failed), else an outcome recorded under HKLM:\SOFTWARE\hvcluster
 * (ValidationOutcome, ValidationReport), else the newest validate-cluster report file with the outcome "unknown":
 * Test-Cluster's .htm report states its result only in the node's display language, so a report alone is not read.
 */
public final class ValidationReading {

    static final String CHECK = "validation";

    /** The finding for the newest validation any node has, or none when it passed. */
    public Optional<Finding> judge(String firstNode, Map<String, VerifyFacts> byHost) {
        Optional<Map.Entry<String, VerifyFacts.Validation>> found = byHost.entrySet().stream()
                .filter(e -> !e.getValue().validation().report().isEmpty() || !e.getValue().validation().outcome().isEmpty())
                .map(e -> Map.entry(e.getKey(), e.getValue().validation()))
                .findFirst();
        if (found.isEmpty()) {
            return Optional.of(new Finding(Severity.ERROR, firstNode, CHECK, "no validation report on any node",
                    "an approved Test-Cluster report", "run the validation (hvcluster apply runs validate-cluster; by hand: "
                            + "Test-Cluster -Node <every node>) and fix what it reports"));
        }
        String host = found.get().getKey();
        VerifyFacts.Validation v = found.get().getValue();
        return switch (v.outcome()) {
            case "passed", "warnings" -> Optional.empty();
            case "failed" -> Optional.of(new Finding(Severity.ERROR, host, CHECK, "the last validation failed (" + v.report() + ")",
                    "an approved Test-Cluster report", "read the report, fix the failed tests and validate again"));
            default -> Optional.of(new Finding(Severity.WARNING, host, CHECK, "a validation report without a recorded outcome ("
                    + v.report() + ")", "a recorded outcome", "open the report on " + host + " and read its summary"));
        };
    }

    /** The outcomes that count as approved, for the docs and tests. */
    public static List<String> approved() {
        return List.of("passed", "warnings");
    }
}
