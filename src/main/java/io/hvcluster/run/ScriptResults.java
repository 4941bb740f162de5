package io.hvcluster.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.secrets.SecretMasker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edge where a step script's result line (the prologue's $HvcResult as JSON) becomes typed records: the only
 * place in {@code run} that reads JSON. Every text is masked here.
 */
public final class ScriptResults {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The data key under which a script sends a validation report's bytes (templates/_lib/validation.ps1.vm). */
    static final String REPORT_CONTENT = "reportContent";

    private final SecretMasker masker;

    public ScriptResults(SecretMasker masker) {
        this.masker = masker;
    }

    StepOutcome parse(ScriptResult r) {
        JsonNode json = r.structured().orElse(null);
        if (json == null) {
            String err = r.stderr().isBlank() ? "the script printed no result (exit code " + r.exitCode() + ")"
                    : r.stderr().strip().lines().reduce((a, b) -> b).orElse("");
            return new StepOutcome(r.exitCode() == 0 ? 1 : r.exitCode(), false, List.of(), List.of(), ScriptData.NONE,
                    masker.mask(err), r.stdout(), r.stderr());
        }
        List<String> changes = texts(json.path("changes"));
        List<String> warnings = texts(json.path("warnings"));
        String error = json.path("error").isNull() || json.path("error").isMissingNode() ? "" : masker.mask(json.path("error").asText());
        return new StepOutcome(r.exitCode(), json.path("changed").asBoolean(false), changes, warnings, data(json.path("data")),
                error, r.stdout(), r.stderr());
    }

    /** The data of a result line given as JSON text (what a script prints); {@link ScriptData#NONE} when it is not JSON. */
    public ScriptData data(String json) {
        try {
            return data(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ScriptData.NONE;
        }
    }

    ScriptData data(JsonNode data) {
        if (!data.isObject()) {
            return ScriptData.NONE;
        }
        Map<String, String> details = new LinkedHashMap<>();
        // The report's bytes are evidence for the run folder, not a detail to print.
        data.properties().stream().filter(e -> !e.getKey().equals(REPORT_CONTENT))
                .forEach(e -> details.put(e.getKey(), masker.mask(text(e.getValue()))));
        Optional<ScriptData.RebootRequest> reboot = data.path("rebootScheduled").asBoolean(false)
                ? Optional.of(new ScriptData.RebootRequest(data.path("bootTimeBefore").asText(""))) : Optional.empty();
        // validate-cluster and final-validation write "report"; create-cluster gives New-Cluster's as "reportPath".
        JsonNode report = data.path("report").isTextual() ? data.path("report") : data.path("reportPath");
        Optional<ScriptData.ValidationOutcome> validation = report.isTextual() && !report.textValue().isBlank()
                ? Optional.of(new ScriptData.ValidationOutcome(masker.mask(report.textValue()), texts(data.path("flags")),
                        content(data.path(REPORT_CONTENT))))
                : Optional.empty();
        JsonNode resumed = data.path("resumedNode");
        return new ScriptData(details, reboot, validation, texts(data.path("systemErrors")),
                resumed.isTextual() && !resumed.textValue().isBlank() ? Optional.of(resumed.textValue()) : Optional.empty());
    }

    /** The report file's bytes the script sent as base64; empty when it sent none or something unreadable. */
    private static byte[] content(JsonNode base64) {
        if (!base64.isTextual() || base64.textValue().isEmpty()) {
            return new byte[0];
        }
        try {
            return java.util.Base64.getMimeDecoder().decode(base64.textValue());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(masker.mask(text(n))));
        return out;
    }

    /** A value as one line: scalars as they are, arrays joined with ", ", objects as key=value pairs. */
    private static String text(JsonNode n) {
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(c -> parts.add(text(c)));
            return String.join(", ", parts);
        }
        if (n.isObject()) {
            List<String> parts = new ArrayList<>();
            n.properties().forEach(e -> parts.add(e.getKey() + "=" + text(e.getValue())));
            return String.join(" ", parts);
        }
        return n.isNull() ? "" : n.asText();
    }
}
