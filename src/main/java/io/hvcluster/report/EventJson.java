package io.hvcluster.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.ScriptData;
import io.hvcluster.secrets.SecretMasker;
import java.time.Instant;
import java.util.List;

/**
 * The JSON form of each event and of the plan, shared by the journal and report.json so that both use the
 * same camelCase field names (documented in docs/run-folder.md; renaming one is a breaking change).
 */
final class EventJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    static ObjectNode runStarted(RunEvents.RunStarted e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("runId", e.runId());
        n.put("inventory", e.inventory());
        n.put("cluster", e.cluster());
        strings(n.putArray("hosts"), e.hosts());
        n.put("mode", e.mode());
        n.put("startedAt", instant(e.startedAt()));
        n.put("simulated", e.simulated());
        return n;
    }

    static ObjectNode plan(Plan plan) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode steps = n.putArray("steps");
        for (StepPlan s : plan.steps()) {
            ObjectNode o = steps.addObject();
            o.put("stepId", s.stepId());
            o.put("host", s.host());
            o.put("inDesiredState", s.inDesiredState());
            changes(o.putArray("changes"), s.changes());
            strings(o.putArray("problems"), s.problems());
        }
        n.set("reboot", reboot(plan.reboot()));
        n.put("toChange", plan.toChange());
        n.put("inDesiredState", plan.inDesiredState());
        n.put("summary", plan.summary());
        return n;
    }

    /** Each change as data (action, object, before, after) with its plan line for readers. */
    static void changes(ArrayNode into, List<Change> changes) {
        for (Change c : changes) {
            ObjectNode o = into.addObject();
            o.put("action", c.action().name().toLowerCase(java.util.Locale.ROOT));
            o.put("object", c.object());
            o.put("before", c.before());
            o.put("after", c.after());
            o.put("text", ChangeText.line(c));
        }
    }

    static JsonNode reboot(RebootDecision r) {
        if (r == null) {
            return MAPPER.nullNode();
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("requested", r.requested() == null ? null : r.requested().cliName());
        n.put("effective", r.effective() == null ? null : r.effective().cliName());
        n.put("reason", r.reason());
        return n;
    }

    static ObjectNode stepStarted(RunEvents.StepStarted e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("stepId", e.stepId());
        n.put("host", e.host());
        n.put("phase", e.phase());
        n.put("at", instant(e.at()));
        return n;
    }

    static ObjectNode output(RunEvents.OutputLine e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("host", e.host());
        n.put("stepId", e.stepId());
        n.put("stream", e.stderr() ? "stderr" : "stdout");
        n.put("text", e.text());
        return n;
    }

    static ObjectNode stepFinished(RunEvents.StepFinished e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("stepId", e.stepId());
        n.put("host", e.host());
        n.put("phase", e.phase());
        n.put("status", StatusLabel.key(e.status()));
        n.put("exitCode", e.exitCode());
        strings(n.putArray("changes"), e.changes());
        strings(n.putArray("warnings"), e.warnings());
        n.put("error", e.error());
        n.put("durationMs", e.duration() == null ? 0 : e.duration().toMillis());
        n.put("scriptFile", e.scriptFile());
        n.set("data", data(e.data()));
        return n;
    }

    static ObjectNode hostNotice(RunEvents.HostNotice e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("host", e.host());
        n.put("kind", e.kind().id());
        n.put("message", e.message());
        n.put("at", instant(e.at()));
        return n;
    }

    static ObjectNode runFinished(RunEvents.RunFinished e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("exitCode", e.exitCode());
        n.put("summary", e.summary());
        n.put("durationMs", e.duration() == null ? 0 : e.duration().toMillis());
        n.put("at", instant(e.at()));
        return n;
    }

    /** What a script reported beyond its changes: its details as text, as the run parsed them. */
    static ObjectNode data(ScriptData data) {
        ObjectNode n = MAPPER.createObjectNode();
        (data == null ? ScriptData.NONE : data).details().forEach(n::put);
        return n;
    }

    /**
     * Every string value in the tree, masked. Field names are ours and never secret; masking values rather
     * than the serialized text keeps the JSON well-formed whatever a secret looks like.
     */
    static JsonNode masked(JsonNode node, SecretMasker masker) {
        if (node.isTextual()) {
            return MAPPER.getNodeFactory().textNode(masker.mask(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            node.forEach(child -> out.add(masked(child, masker)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            node.properties().forEach(f -> out.set(f.getKey(), masked(f.getValue(), masker)));
            return out;
        }
        return node;
    }

    static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
