package io.hvcluster.run;

import java.util.List;

/**
 * What a step script reported (its last stdout line): changed, changes, warnings, data, error.
 *
 * @param exitCode the process exit code
 * @param data     the script's "data" object as JSON text
 */
record StepOutcome(int exitCode, boolean changed, List<String> changes, List<String> warnings, String data, String error,
        String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0 && error.isEmpty();
    }

    boolean rebootScheduled() {
        return data.contains("\"rebootScheduled\":true");
    }
}
