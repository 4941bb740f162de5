package io.hvcluster.exec.winrm;

import io.hvcluster.exec.bootstrap.BootstrapPayload;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts one output stream of the remote process into lines, decodes them and drops heartbeat lines.
 *
 * <p>Decoding: the bootstrap switches the console to UTF-8, but that can fail without a console, and the
 * WinRS shell itself runs in code page 437 (OverThere hard-codes it). So each line is read as UTF-8 and,
 * if it is not valid UTF-8, as code page 437. Scripts escape non-ASCII in their JSON anyway.
 *
 * <p>Heartbeats: a heartbeat is written with one WriteLine, so it normally is a line of its own; if it
 * lands inside a line that another writer had started, the line ends with the heartbeat and continues on
 * the next line, and the two halves are joined again. Not thread-safe: one instance per stream and thread.
 */
final class RemoteLines {

    private static final Charset CP437 = Charset.forName("IBM437");
    private static final String HEARTBEAT = BootstrapPayload.HEARTBEAT;

    private final Consumer<String> lines;
    private final Runnable onHeartbeat;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String partial = "";
    private int heartbeats;

    RemoteLines(Consumer<String> lines) {
        this(lines, () -> { });
    }

    /** @param onHeartbeat told of every heartbeat as it arrives (the run shows progress from them) */
    RemoteLines(Consumer<String> lines, Runnable onHeartbeat) {
        this.lines = lines;
        this.onHeartbeat = onHeartbeat;
    }

    void feed(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == '\n') {
                byte[] raw = pending.toByteArray();
                pending.reset();
                int n = raw.length;
                if (n > 0 && raw[n - 1] == '\r') {
                    n--;
                }
                onLine(decode(raw, n));
            } else {
                pending.write(b);
            }
        }
    }

    /** End of stream: a last line without a line break still counts. */
    void finish() {
        if (pending.size() > 0) {
            byte[] raw = pending.toByteArray();
            pending.reset();
            onLine(decode(raw, raw.length));
        }
        if (!partial.isEmpty()) {
            lines.accept(partial);
            partial = "";
        }
    }

    int heartbeats() {
        return heartbeats;
    }

    private void onLine(String line) {
        String full = partial + line;
        partial = "";
        if (full.strip().equals(HEARTBEAT)) {
            heartbeats++;
            onHeartbeat.run();
        } else if (full.endsWith(HEARTBEAT)) {
            heartbeats++;
            onHeartbeat.run();
            partial = full.substring(0, full.length() - HEARTBEAT.length());
        } else {
            lines.accept(full);
        }
    }

    static String decode(byte[] raw, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, 0, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, 0, len, CP437);
        }
    }
}
