package io.hvcluster.exec.dryrun;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.render.PowerShellFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects to nothing: every script it is given is written to {@code <folder>/<host>/<file name>} (UTF-8 with a
 * BOM, as Windows PowerShell 5.1 wants) and recorded in order. The result says nothing ran, so no caller can
 * mistake a dry run for a change. Secrets are never written: scripts carry none in their text.
 */
public final class DryRunExecutor implements ScriptExecutor {

    private final Path folder;
    private final List<Script> recorded = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Path> written = new ConcurrentHashMap<>();

    public DryRunExecutor(Path folder) {
        this.folder = folder;
    }

    @Override
    public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
        Path file = folder.resolve(script.host()).resolve(script.fileName());
        try {
            Files.createDirectories(file.getParent());
            PowerShellFile.write(file, script.text());
        } catch (IOException e) {
            throw new ExecutionException(script.host(), ExecutionException.Kind.PROTOCOL_FAULT,
                    "dry run: cannot write " + file + ": " + e.getMessage(), e);
        }
        recorded.add(script);
        written.put(key(script.host(), script.stepId(), script.phase()), file);
        String result = "{\"step\":\"" + script.stepId() + "\",\"changed\":false,\"changes\":[],\"warnings\":[],"
                + "\"data\":{\"dryRun\":true},\"error\":null}";
        return new ScriptResult(0, result, "", Duration.ZERO);
    }

    /** The scripts received, in order. */
    public List<Script> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Where the latest script of that host, step and phase was written. */
    public Optional<Path> written(String host, String stepId, String phase) {
        return Optional.ofNullable(written.get(key(host, stepId, phase)));
    }

    private static String key(String host, String stepId, String phase) {
        return host + "\u0000" + stepId + "\u0000" + phase;
    }

    public Path folder() {
        return folder;
    }
}
