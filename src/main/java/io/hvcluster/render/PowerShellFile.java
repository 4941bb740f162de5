package io.hvcluster.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a .ps1 as Windows PowerShell 5.1 reads it correctly: UTF-8 with a byte order mark. Without the BOM, 5.1
 * reads the file in the ANSI code page and non-ASCII values in literals come out wrong.
 */
public final class PowerShellFile {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private PowerShellFile() {
    }

    public static void write(Path file, String script) throws IOException {
        byte[] text = script.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[UTF8_BOM.length + text.length];
        System.arraycopy(UTF8_BOM, 0, all, 0, UTF8_BOM.length);
        System.arraycopy(text, 0, all, UTF8_BOM.length, text.length);
        Files.write(file, all);
    }
}
