package io.hvcluster.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.preflight.Finding;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.verify.BurnInOperation;
import io.hvcluster.verify.VerifyReport;

/** report.json's "verify" object: the summary, every finding, and with --burn-in every operation. */
final class VerifyJson {

    private VerifyJson() {
    }

    static void add(ObjectNode n, VerifyReport v, SecretMasker masker) {
        n.put("passed", v.passed());
        n.put("summary", masker.mask(v.summary()));
        ArrayNode findings = n.putArray("findings");
        for (Finding f : v.findings()) {
            findings.addObject().put("severity", f.severity().label()).put("host", masker.mask(f.host())).put("check", f.check())
                    .put("found", masker.mask(f.found())).put("expected", masker.mask(f.expected())).put("fix", masker.mask(f.fix()));
        }
        if (v.burnIn()) {
            ObjectNode b = n.putObject("burnIn");
            b.put("error", masker.mask(v.burnInError()));
            ArrayNode ops = b.putArray("operations");
            for (BurnInOperation o : v.operations()) {
                ops.addObject().put("kind", o.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .put("subject", masker.mask(o.subject())).put("from", o.from()).put("to", o.to())
                        .put("durationMs", o.duration().toMillis()).put("ok", o.ok()).put("error", masker.mask(o.error()))
                        .put("detail", masker.mask(o.detail()));
            }
        }
    }
}
