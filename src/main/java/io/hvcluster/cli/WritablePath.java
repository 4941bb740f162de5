package io.hvcluster.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A path the user gave (--runs-dir, --out, --simulator-state) checked before any work starts: a path that cannot
 * be written is the user's to fix (exit 2, the option, the path and the reason), not an internal error found
 * half-way through a run.
 */
final class WritablePath {

    private WritablePath() {
    }

    /** Creates the folder when missing and proves it can hold a file; returns it. */
    static Path folder(String option, Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".hvcluster-write-test", ".tmp");
            Files.delete(probe);
            return dir;
        } catch (IOException e) {
            throw new UserException(ExitCode.INVALID_INPUT, option + " " + dir + ": cannot write there: " + reason(e), e);
        }
    }

    /** Proves the file's folder can hold it (the file itself is written later, all at once). */
    static Path file(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new UserException(ExitCode.INVALID_INPUT, option + " " + file + ": is a folder; name a file");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path probe = Files.createTempFile(parent, ".hvcluster-write-test", ".tmp");
            Files.delete(probe);
            return file;
        } catch (IOException e) {
            throw new UserException(ExitCode.INVALID_INPUT, option + " " + file + ": cannot write there: " + reason(e), e);
        }
    }

    /** The reason in words: Java's messages for these are just a path. */
    static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return "a file is in the way (" + f.getFile() + " exists and is not a folder)";
        }
        if (e instanceof AccessDeniedException a) {
            return "access denied (" + a.getFile() + ")";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such folder (" + n.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return e.getMessage();
    }
}
