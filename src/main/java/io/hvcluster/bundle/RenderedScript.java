package io.hvcluster.bundle;

import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.Set;

/**
 * One rendered script in a bundle.
 *
 * @param host     the host it runs on
 * @param step     the step it belongs to
 * @param position the step's 1-based position in the pipeline
 * @param phase    the phase of the step
 * @param fileName the file name in the host's folder ("01-rename-adapters.ps1")
 * @param text     the PowerShell source
 */
public record RenderedScript(String host, Step<?> step, int position, Phase phase, String fileName, String text) {

    public String stepId() {
        return step.id();
    }

    public Scope scope() {
        return step.scope();
    }

    public Set<String> secrets() {
        return step.secrets();
    }

    /** "HV01/06-create-cluster.cluster.ps1": the path inside a bundle. */
    public String relativePath() {
        return host + "/" + fileName;
    }
}
