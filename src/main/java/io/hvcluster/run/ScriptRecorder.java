package io.hvcluster.run;

import io.hvcluster.exec.ScriptResult;

/** Keeps an executed script and its output (masked) in the run folder; returns its path relative to the folder. */
@FunctionalInterface
public interface ScriptRecorder {

    /** @param position the step's 1-based position in the pipeline */
    String save(String host, int position, String stepId, String phase, String scriptText, ScriptResult result);

    static ScriptRecorder none() {
        return (host, position, stepId, phase, scriptText, result) -> "";
    }
}
