package io.hvcluster.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The folder one run leaves behind: {@code <root>/<timestamp>/} with the journal, the executed scripts,
 * the reports and the DEBUG log. The timestamp is UTC and file-name safe on Windows (no colons); two runs
 * started in the same second get {@code -2}, {@code -3}, … because the folder is claimed with an atomic
 * create, not by checking first.
 */
public final class RunFolder {

    public static final Path DEFAULT_ROOT = Path.of("runs");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_ATTEMPTS = 1000;

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates a new, empty run folder under {@code root} (created too when missing). */
    public static RunFolder create(Path root, Clock clock) {
        String stamp = STAMP.format(clock.instant());
        try {
            Files.createDirectories(root);
            for (int n = 1; n <= MAX_ATTEMPTS; n++) {
                Path candidate = root.resolve(n == 1 ? stamp : stamp + "-" + n);
                try {
                    return new RunFolder(Files.createDirectory(candidate));
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + root + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("more than " + MAX_ATTEMPTS + " run folders named " + stamp + " under " + root);
    }

    public static RunFolder create(Path root) {
        return create(root, Clock.systemUTC());
    }

    /** Wraps an existing run folder (to read it back, or in tests). */
    public static RunFolder at(Path dir) {
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The folder's name, which is also the run id in every event and report. */
    public String runId() {
        return dir.getFileName().toString();
    }

    public Path journal() {
        return dir.resolve("journal.jsonl");
    }

    public Path scriptsDir() {
        return dir.resolve("scripts");
    }

    public Path reportJson() {
        return dir.resolve("report.json");
    }

    public Path reportHtml() {
        return dir.resolve("report.html");
    }

    public Path runLog() {
        return dir.resolve("run.log");
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
