package io.hvcluster.run;

/** Keeps an executed script and its output (masked) in the run folder; returns its path relative to the folder. */
@FunctionalInterface
public interface ScriptRecorder {

    String record(String host, String fileName, String script, String stdout, String stderr);

    static ScriptRecorder none() {
        return (host, fileName, script, stdout, stderr) -> "";
    }
}
