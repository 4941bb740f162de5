package io.hvcluster.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.run.RunEvents;
import io.hvcluster.secrets.SecretMasker;

/** report.json: the {@link RunReport} with stable camelCase field names (see docs/run-folder.md). */
final class ReportJson {

    /** Raised when a field is renamed or removed; adding fields keeps the version. */
    static final int SCHEMA_VERSION = 1;

    private ReportJson() {
    }

    static String camelCase(String key) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    static String render(RunReport r, SecretMasker masker) {
        ObjectNode n = EventJson.MAPPER.createObjectNode();
        n.put("schemaVersion", SCHEMA_VERSION);
        n.put("runId", r.runId());
        n.put("cluster", r.cluster());
        n.put("inventory", r.inventory());
        n.put("mode", r.mode());
        n.put("simulated", r.simulated());
        RunReport.ChangeRecord change = r.change();
        n.put("toolVersion", change.origin().toolVersion());
        n.putObject("operator").put("osUser", change.origin().osUser()).put("winrmAccount", change.origin().winrmAccount());
        n.put("machine", change.origin().machine());
        n.put("inventorySha256", change.inventorySha256());
        ArrayNode scripts = n.putArray("scripts");
        change.scripts().forEach(h -> scripts.addObject().put("path", h.path()).put("sha256", h.sha256()));
        ArrayNode restarts = n.putArray("plannedRestarts");
        change.restarts().forEach(x -> restarts.addObject().put("order", x.order()).put("host", x.host()).put("stepId", x.stepId())
                .put("title", x.title()).put("strategy", x.strategy()));
        r.hosts().forEach(n.putArray("hosts")::add);
        n.put("startedAt", EventJson.instant(r.startedAt()));
        n.put("finishedAt", EventJson.instant(r.finishedAt()));
        n.put("durationMs", r.duration() == null ? 0 : r.duration().toMillis());
        n.put("exitCode", r.exitCode());
        n.put("summary", r.summary());
        ObjectNode counts = n.putObject("counts");
        // Field names are camelCase ("notConverged"); the status values stay as they are in the matrix.
        RunReport.STATUS_KEYS.forEach(k -> counts.put(camelCase(k), r.counts().getOrDefault(k, 0)));
        n.set("reboot", EventJson.reboot(r.reboot()));
        n.put("planSummary", r.planSummary());
        ArrayNode matrix = n.putArray("matrix");
        for (RunReport.StepRow row : r.steps()) {
            ObjectNode step = matrix.addObject();
            step.put("stepId", row.stepId());
            step.put("title", row.title());
            ArrayNode cells = step.putArray("cells");
            for (RunReport.Cell c : row.cells()) {
                ObjectNode cell = cells.addObject();
                cell.put("host", c.host());
                cell.put("status", c.status());
                cell.put("durationMs", c.duration().toMillis());
                ArrayNode phases = cell.putArray("phases");
                for (RunEvents.StepFinished f : c.phases()) {
                    ObjectNode p = EventJson.stepFinished(f);
                    p.remove("stepId");
                    p.remove("host");
                    phases.add(p);
                }
                if (c.planned() == null) {
                    cell.putNull("planned");
                } else {
                    ObjectNode planned = cell.putObject("planned");
                    EventJson.changes(planned.putArray("changes"), c.planned().changes());
                    c.planned().problems().forEach(planned.putArray("problems")::add);
                }
            }
        }
        if (r.preflight() != null) {
            ObjectNode pre = n.putObject("preflight");
            pre.put("summary", masker.mask(r.preflight().summary()));
            ArrayNode findings = pre.putArray("findings");
            for (io.hvcluster.preflight.Finding f : r.preflight().findings()) {
                ObjectNode o = findings.addObject();
                o.put("severity", f.severity().label());
                o.put("host", masker.mask(f.host()));
                o.put("check", f.check());
                o.put("found", masker.mask(f.found()));
                o.put("expected", masker.mask(f.expected()));
                o.put("fix", masker.mask(f.fix()));
            }
            ArrayNode skipped = pre.putArray("skipped");
            r.preflight().skipped().forEach(s -> skipped.addObject().put("host", s.host()).put("check", s.check())
                    .put("why", masker.mask(s.why())));
        }
        if (r.verify() != null) {
            VerifyJson.add(n.putObject("verify"), r.verify(), masker);
        }
        ArrayNode notices = n.putArray("notices");
        r.notices().forEach(e -> notices.add(EventJson.hostNotice(e)));
        ArrayNode validations = n.putArray("validations");
        for (RunReport.Validation v : r.validations()) {
            ObjectNode o = validations.addObject();
            o.put("host", v.host());
            o.put("stepId", v.stepId());
            o.put("report", v.report());
            v.flags().forEach(o.putArray("flags")::add);
            o.put("file", v.file());
        }
        try {
            return EventJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(EventJson.masked(n, masker)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize report.json", e);
        }
    }
}
