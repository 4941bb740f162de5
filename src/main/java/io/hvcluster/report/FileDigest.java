package io.hvcluster.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a file's bytes as written, lower-case hex: what `Get-FileHash` prints, in lower case. */
final class FileDigest {

    private FileDigest() {
    }

    /**
     * The hash of the file named by {@code name} (an inventory's source, which may be no path at all, such as
     * "&lt;stdin&gt;", invalid on Windows), or "" when it names no readable file.
     */
    static String sha256(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        try {
            return sha256(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return "";
        }
    }

    /** The hash, or "" when the file cannot be read (the report says nothing rather than something wrong). */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65_536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
