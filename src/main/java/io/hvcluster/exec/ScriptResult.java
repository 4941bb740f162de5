package io.hvcluster.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Optional;

/**
 * What came back from running a script: exit code, both streams (heartbeats already removed, CLIXML
 * already turned into text) and how long it took.
 */
public record ScriptResult(int exitCode, String stdout, String stderr, Duration duration) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * The structured result: every script prints exactly one JSON object as its last stdout line.
     * Empty when there is none or it does not parse.
     */
    public Optional<JsonNode> structured() {
        String[] lines = stdout.strip().split("\r?\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.startsWith("{")) {
                try {
                    return Optional.of(JSON.readTree(line));
                } catch (java.io.IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
