package io.hvcluster.report;

import io.hvcluster.run.RunEvents;
import io.hvcluster.run.ScriptData;
import io.hvcluster.secrets.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps the evidence: every validation report a script copied back from a node (validate-cluster's,
 * New-Cluster's, final-validation's) is written into the run folder as {@code validation/<host>/<step>-<name>}
 * the moment its step finishes, so a run that dies later still has it. The text is masked like every other file
 * of the run folder; nothing is ever overwritten (a second copy of the same name gets {@code -2}).
 */
final class ValidationReportCopies {

    static final String FOLDER = "validation";

    private final Path runDir;
    private final SecretMasker masker;

    ValidationReportCopies(Path runDir, SecretMasker masker) {
        this.runDir = runDir;
        this.masker = masker;
    }

    /** Writes the report the step sent, if it sent one; the path relative to the run folder (forward slashes). */
    synchronized Optional<String> save(RunEvents.StepFinished e) {
        if (e.data() == null || e.data().validation().isEmpty()) {
            return Optional.empty();
        }
        ScriptData.ValidationOutcome v = e.data().validation().get();
        byte[] content = v.content();
        if (content.length == 0) {
            return Optional.empty();
        }
        Path dir = runDir.resolve(FOLDER).resolve(ScriptArchive.fileSafe(e.host()));
        String base = ScriptArchive.fileSafe(e.stepId() + "-" + fileName(v.report()));
        try {
            Files.createDirectories(dir);
            for (int n = 1; ; n++) {
                Path target = dir.resolve(n == 1 ? base : suffixed(base, n));
                try {
                    Files.write(target, masked(content), StandardOpenOption.CREATE_NEW);
                    return Optional.of(runDir.relativize(target).toString().replace('\\', '/'));
                } catch (FileAlreadyExistsException taken) {
                    // a report of the same name from an earlier run of the step: keep both
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot keep the validation report in " + dir + ": " + ex.getMessage(), ex);
        }
    }

    /** The report's own file name on the node (Windows path), or a neutral one. */
    static String fileName(String windowsPath) {
        String name = windowsPath.substring(Math.max(windowsPath.lastIndexOf('\\'), windowsPath.lastIndexOf('/')) + 1);
        return name.isBlank() ? "report.htm" : name;
    }

    private static String suffixed(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name + "-" + n : name.substring(0, dot) + "-" + n + name.substring(dot);
    }

    /** Reports are text (UTF-16 with a byte-order mark, or UTF-8): masked in their own encoding. */
    private byte[] masked(byte[] content) {
        Charset cs = content.length >= 2 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe
                ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        String text = new String(content, cs);
        String masked = masker.mask(text);
        return masked.equals(text) ? content : masked.getBytes(cs);
    }
}
