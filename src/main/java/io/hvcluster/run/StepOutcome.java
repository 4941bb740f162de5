package io.hvcluster.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * What a step script reported (its last stdout line): changed, changes, warnings, data, error.
 *
 * @param exitCode the process exit code
 * @param data     the script's "data" object
 */
record StepOutcome(int exitCode, boolean changed, List<String> changes, List<String> warnings, JsonNode data, String error,
        String stdout, String stderr) {

    static final JsonNode NO_DATA = JsonNodeFactory.instance.objectNode();

    boolean succeeded() {
        return exitCode == 0 && error.isEmpty();
    }

    boolean rebootScheduled() {
        return data.path("rebootScheduled").asBoolean(false);
    }

    /** The boot time the script saw before it scheduled a restart, "" when it did not say. */
    String bootTimeBefore() {
        return data.path("bootTimeBefore").asText("");
    }
}
