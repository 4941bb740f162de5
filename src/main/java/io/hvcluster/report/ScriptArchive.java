package io.hvcluster.report;

import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.secrets.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Keeps every executed script and what it printed, in the run folder:
 * {@code scripts/<host>/<nn>-<step>-<phase>.ps1} and {@code .out.txt} beside it. Everything passes through
 * the {@link SecretMasker} before it touches the disk. A script that runs twice under the same name (a
 * retry) gets {@code -2}, {@code -3}, … so nothing already archived is overwritten.
 */
public final class ScriptArchive implements io.hvcluster.run.ScriptRecorder {

    private final Path runDir;
    private final SecretMasker masker;

    public ScriptArchive(Path runDir, SecretMasker masker) {
        this.runDir = runDir;
        this.masker = masker;
    }

    public ScriptArchive(RunFolder folder, SecretMasker masker) {
        this(folder.dir(), masker);
    }

    /**
     * Saves a script and its output.
     *
     * @param position the step's 1-based position in the pipeline ("03")
     * @return the script's path relative to the run folder, with forward slashes, for StepFinished.scriptFile
     */
    public synchronized String save(Script script, int position, String phase, ScriptResult result) {
        return save(script.host(), position, script.stepId(), phase, script.text(), result);
    }

    @Override
    public synchronized String save(String host, int position, String stepId, String phase, String scriptText,
            ScriptResult result) {
        Path hostDir = runDir.resolve("scripts").resolve(fileSafe(host));
        String base = String.format(Locale.ROOT, "%02d-%s-%s", position, fileSafe(stepId), fileSafe(phase));
        try {
            Files.createDirectories(hostDir);
            for (int n = 1; ; n++) {
                String name = n == 1 ? base : base + "-" + n;
                Path ps1 = hostDir.resolve(name + ".ps1");
                try {
                    Files.writeString(ps1, masker.mask(scriptText), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                Files.writeString(hostDir.resolve(name + ".out.txt"), masker.mask(outputText(result)), StandardCharsets.UTF_8);
                return runDir.relativize(ps1).toString().replace('\\', '/');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + base + " for " + host + ": " + e.getMessage(), e);
        }
    }

    private static String outputText(ScriptResult result) {
        StringBuilder b = new StringBuilder();
        b.append("# exit code: ").append(result.exitCode()).append('\n');
        b.append("# duration: ").append(DurationText.of(result.duration())).append('\n');
        b.append("# --- stdout ---\n").append(withNewline(result.stdout()));
        b.append("# --- stderr ---\n").append(withNewline(result.stderr()));
        return b.toString();
    }

    private static String withNewline(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return s.endsWith("\n") ? s : s + "\n";
    }

    /** Host and step names come from the inventory; keep them from climbing out of the folder. */
    static String fileSafe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "_" : s;
    }
}
