package io.hvcluster.run;

import java.util.List;

/**
 * What a step script reported, typed ({@link ScriptResults} parses it): changed, changes, warnings, data, error.
 *
 * @param exitCode the process exit code
 * @param data     the script's data as typed records
 */
record StepOutcome(int exitCode, boolean changed, List<String> changes, List<String> warnings, ScriptData data, String error,
        String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0 && error.isEmpty();
    }
}
