package io.hvcluster.sim.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What Test-Cluster leaves behind in the simulator: the warnings it writes (one per test with findings, then the
 * summary) in the node's UI language, and the report file with the result in it. Then the script's side, as
 * templates/_lib/validation.ps1.vm does it: the report copied into the result, the flags read from the one line
 * that is never translated (a [Flags] enum's member names), every other warning passed on, and fail closed.
 *
 * <p>The German texts are illustrative (what a localized summary looks like: translated words, untranslated
 * flags), not copied from a German Windows.
 */
final class ValidationReportModel {

    /** The summary flag the simulator gives a validation with failed tests (unverified against a real host). */
    static final String FAILED_FLAG = "ClusterNotApproved";

    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern FLAG = Pattern.compile("Cluster[A-Za-z]+|HadUnselectedTests");

    private final List<String> findings = new ArrayList<>();
    private boolean failed;
    private boolean unselected;

    /** A test with warnings, named "Category - Test" in English. */
    void warn(String test) {
        findings.add(test + ": The test reported some warnings..");
    }

    /** A failed test. */
    void fail(String test) {
        findings.add(test + ": The test failed.");
        failed = true;
    }

    /** Not every category ran (-Include or -Ignore): Test-Cluster adds HadUnselectedTests. */
    void unselectedTests() {
        unselected = true;
    }

    /** The flags Test-Cluster's summary gives. */
    List<String> flags() {
        List<String> out = new ArrayList<>();
        if (unselected) {
            out.add("HadUnselectedTests");
        }
        if (failed) {
            out.add(FAILED_FLAG);
        } else if (!findings.isEmpty()) {
            out.add("ClusterConditionallyApproved");
        } else {
            out.add("ClusterApproved");
        }
        return out;
    }

    /** The warnings Test-Cluster writes in {@code uiCulture}; none when every test passed. */
    List<String> warnings(String uiCulture, String reportPath) {
        List<String> out = new ArrayList<>();
        boolean german = uiCulture != null && uiCulture.toLowerCase(Locale.ROOT).startsWith("de");
        for (String f : findings) {
            out.add(german ? f.replace("The test reported some warnings..", "Der Test hat Warnungen gemeldet..")
                    .replace("The test failed.", "Der Test ist fehlgeschlagen.") : f);
        }
        if (findings.isEmpty() && !unselected) {
            return out;
        }
        String flagLine = String.join(", ", flags());
        out.add(german
                ? "Testergebnis:\r\n" + flagLine + "\r\nDie Tests wurden abgeschlossen. Lesen Sie die Warnungen im Bericht."
                        + "\r\nPfad der Testberichtsdatei: " + reportPath
                : "Test Result:\r\n" + flagLine
                        + "\r\nTesting has completed for the tests you selected. You should review the warnings in the Report."
                        + "\r\nTest report file path: " + reportPath);
        return out;
    }

    /** The report file's bytes: the tests with findings and the result. */
    byte[] report(String title, List<String> nodes) {
        StringBuilder b = new StringBuilder("<html><head><title>Failover Cluster Validation Report</title></head><body>\r\n");
        b.append("<h1>").append(title).append("</h1>\r\n<p>Nodes: ").append(String.join(", ", nodes)).append("</p>\r\n<ul>\r\n");
        findings.forEach(f -> b.append("<li>").append(f).append("</li>\r\n"));
        b.append("</ul>\r\n<p>Result: ").append(String.join(", ", flags())).append("</p>\r\n</body></html>\r\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Get-HvcValidationFlags: the flags from the one line of comma-separated identifiers, one of them a flag. */
    static List<String> flagsIn(String warning) {
        for (String line : warning.split("\r?\n")) {
            List<String> tokens = List.of(line.split(",", -1)).stream().map(String::trim).toList();
            boolean allWords = tokens.stream().allMatch(t -> WORD.matcher(t).matches());
            if (allWords && tokens.stream().anyMatch(t -> FLAG.matcher(t).matches())) {
                return tokens;
            }
        }
        return List.of();
    }

    /**
     * Assert-HvcValidationResult and Add-HvcValidationReport on {@code run}: keeps the report, passes the test
     * warnings on, fails closed.
     */
    static void readOutcome(StepRun run, TestClusterCmdlet.Outcome outcome, List<String> acceptedFlags) throws StepFailure {
        run.data.put("report", outcome.report());
        run.data.put("reportContent", Base64.getEncoder().encodeToString(outcome.content()));
        List<String> flags = flags(outcome.warnings(), run::warning);
        run.data.put("flags", flags);
        List<String> refused = refused(flags, acceptedFlags);
        if (!outcome.warnings().isEmpty() && flags.isEmpty()) {
            throw new StepFailure("Test-Cluster gave warnings but no result summary; read the report: " + outcome.report());
        }
        if (!refused.isEmpty()) {
            throw new StepFailure("validation did not pass (" + String.join(", ", refused) + "); read the report: " + outcome.report());
        }
    }

    /**
     * The result flags among Test-Cluster's warnings (the summary's, wherever it stands); every other warning is passed
     * to {@code passOn}.
     */
    static List<String> flags(List<String> warnings, java.util.function.Consumer<String> passOn) {
        List<String> flags = List.of();
        for (String w : warnings) {
            List<String> found = flagsIn(w);
            if (!found.isEmpty()) {
                flags = found;
            } else {
                passOn.accept(w);
            }
        }
        return flags;
    }

    /** The flags that do not let the script go on. */
    static List<String> refused(List<String> flags, List<String> acceptedFlags) {
        return flags.stream().filter(f -> !acceptedFlags.contains(f)).toList();
    }
}
