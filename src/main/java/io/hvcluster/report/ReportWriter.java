package io.hvcluster.report;

import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunListener;
import io.hvcluster.secrets.SecretMasker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report.json and report.html when the run finishes. Until then it only gathers events; the
 * journal is the record of a run that never finishes.
 */
public final class ReportWriter implements RunListener {

    private final RunFolder folder;
    private final SecretMasker masker;
    private final RunRecorder recorder;
    private final RunOrigin origin;
    private final ValidationReportCopies reportCopies;

    public ReportWriter(RunFolder folder, StepTitles titles, SecretMasker masker) {
        this(folder, titles, masker, RunOrigin.unknown());
    }

    /** @param origin who runs the tool, from where, with which version: the report's change record */
    public ReportWriter(RunFolder folder, StepTitles titles, SecretMasker masker, RunOrigin origin) {
        this.folder = folder;
        this.masker = masker;
        this.recorder = new RunRecorder(titles);
        this.origin = origin;
        this.reportCopies = new ValidationReportCopies(folder.dir(), masker);
    }

    @Override
    public void runStarted(RunEvents.RunStarted e) {
        recorder.started(e);
    }

    @Override
    public void planComputed(RunEvents.PlanComputed e) {
        recorder.plan(e.plan());
    }

    @Override
    public void stepStarted(RunEvents.StepStarted e) {
        recorder.stepStarted(e);
    }

    @Override
    public void stepFinished(RunEvents.StepFinished e) {
        reportCopies.save(e).ifPresent(file -> recorder.reportCopied(e.host(), e.data().validation().get().report(), file));
        recorder.stepFinished(e);
    }

    @Override
    public void preflightChecked(RunEvents.PreflightChecked e) {
        recorder.preflight(e.report());
    }

    @Override
    public void verified(RunEvents.Verified e) {
        recorder.verified(e.report());
    }

    @Override
    public void hostNotice(RunEvents.HostNotice e) {
        recorder.notice(e);
    }

    @Override
    public void runFinished(RunEvents.RunFinished e) {
        RunReport report = recorder.report(e, origin, scriptHashes(folder.dir()));
        write(folder.reportJson(), ReportJson.render(report, masker));
        write(folder.reportHtml(), ReportHtml.render(report, masker));
    }

    /**
     * Every script in the run folder's scripts/ (archived by the runner, or written by a dry run), hashed as it
     * is on disk, sorted by path so two reports of the same run list them alike.
     */
    static java.util.List<RunReport.ScriptHash> scriptHashes(Path runDir) {
        Path scripts = runDir.resolve("scripts");
        if (!Files.isDirectory(scripts)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> s = Files.walk(scripts)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ps1"))
                    .map(p -> new RunReport.ScriptHash(runDir.relativize(p).toString().replace('\\', '/'), FileDigest.sha256(p)))
                    .sorted(java.util.Comparator.comparing(RunReport.ScriptHash::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scripts in " + scripts + ": " + e.getMessage(), e);
        }
    }

    /** Write then rename, so a reader never sees half a report. */
    private static void write(Path target, String content) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
