package io.hvcluster.report;

import io.hvcluster.preflight.Finding;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.verify.BurnInOperation;
import io.hvcluster.verify.VerifyReport;

/** report.html's section for {@code hvcluster verify}: every finding with its fix, then every burn-in operation. */
final class VerifyHtml {

    private VerifyHtml() {
    }

    static String section(VerifyReport v, SecretMasker masker) {
        StringBuilder b = new StringBuilder();
        b.append("<section><h2>Verify</h2><p>").append(t(v.passed() && v.findings().isEmpty() ? "every check holds" : v.summary(), masker)).append("</p>");
        if (!v.findings().isEmpty()) {
            b.append("<table><thead><tr><th>Severity</th><th>Host</th><th>Check</th><th>Found</th><th>Expected</th><th>Fix</th></tr></thead><tbody>\n");
            for (Finding f : v.findings()) {
                b.append("<tr").append(f.error() ? " class=\"notice-bad\"" : "").append("><td>").append(t(f.severity().label(), masker))
                        .append("</td><td>").append(t(f.host(), masker)).append("</td><td class=\"mono\">").append(t(f.check(), masker))
                        .append("</td><td>").append(t(f.found(), masker)).append("</td><td>").append(t(f.expected(), masker))
                        .append("</td><td>").append(t(f.fix(), masker)).append("</td></tr>\n");
            }
            b.append("</tbody></table>");
        }
        b.append("</section>\n");
        if (v.burnIn()) {
            b.append("<section><h2>Burn-in</h2><p>").append(t(v.burnInError().isEmpty() ? v.operations().size() + " operations, "
                    + v.failedOperations() + " failed" : v.burnInError(), masker)).append("</p>");
            b.append("<table><thead><tr><th>Operation</th><th>Subject</th><th>From</th><th>To</th><th>Duration</th><th>Outcome</th><th>Detail</th></tr></thead><tbody>\n");
            for (BurnInOperation o : v.operations()) {
                b.append("<tr").append(o.ok() ? "" : " class=\"notice-bad\"").append("><td>").append(t(o.kind().label(), masker))
                        .append("</td><td>").append(t(o.subject(), masker)).append("</td><td>").append(t(o.from(), masker))
                        .append("</td><td>").append(t(o.to(), masker)).append("</td><td>").append(t(DurationText.of(o.duration()), masker))
                        .append("</td><td>").append(t(o.outcome(), masker)).append("</td><td>").append(t(o.detail(), masker)).append("</td></tr>\n");
            }
            b.append("</tbody></table></section>\n");
        }
        return b.toString();
    }

    private static String t(String s, SecretMasker masker) {
        return HtmlText.escape(masker.mask(s));
    }
}
