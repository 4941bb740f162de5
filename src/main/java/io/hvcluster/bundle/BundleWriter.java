package io.hvcluster.bundle;

import io.hvcluster.render.PowerShellFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a bundle to a folder, all or nothing: everything goes into a temporary sibling folder first, which
 * is renamed into place at the end, so a failed render never leaves half a bundle behind.
 */
public final class BundleWriter {

    /**
     * @param out     the bundle folder; must not exist, or be empty, or be a bundle written earlier
     *                (it then is replaced as a whole)
     * @param scripts the scripts
     * @param runbook the RUNBOOK.md text
     */
    public void write(Path out, List<RenderedScript> scripts, String runbook) {
        write(out, scripts, List.of(), runbook);
    }

    /** As {@link #write(Path, List, String)}, with files beside the step scripts (verify and burn-in). */
    public void write(Path out, List<RenderedScript> scripts, List<ExtraFile> extras, String runbook) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
            if (Files.exists(target) && !isReplaceable(target)) {
                throw new BundleException(out + " exists and is not an hvcluster bundle; choose an empty or new folder");
            }
            Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            try {
                for (RenderedScript s : scripts) {
                    Path file = staging.resolve(s.host()).resolve(s.fileName());
                    Files.createDirectories(file.getParent());
                    PowerShellFile.write(file, s.text());
                }
                for (ExtraFile x : extras) {
                    Path file = staging.resolve(x.path()).normalize();
                    if (!file.startsWith(staging)) {
                        throw new BundleException("refusing to write " + x.path() + " outside the bundle");
                    }
                    Files.createDirectories(file.getParent());
                    PowerShellFile.write(file, x.text());
                }
                Files.writeString(staging.resolve("RUNBOOK.md"), runbook, StandardCharsets.UTF_8);
                Files.writeString(staging.resolve(MARKER), "written by hvcluster render\n", StandardCharsets.UTF_8);
                if (Files.exists(target)) {
                    deleteTree(target);
                }
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                    Files.move(staging, target);
                }
            } catch (IOException | RuntimeException e) {
                deleteTree(staging);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bundle to " + out + ": " + e.getMessage(), e);
        }
    }

    static final String MARKER = ".hvcluster-bundle";

    private static boolean isReplaceable(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        if (Files.exists(dir.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The folder cannot be used for a bundle. */
    public static final class BundleException extends RuntimeException {
        public BundleException(String message) {
            super(message);
        }
    }
}
