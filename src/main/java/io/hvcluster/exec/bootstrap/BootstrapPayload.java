package io.hvcluster.exec.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.secrets.Secret;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The stdin framing between the WinRM executor and the bootstrap it runs on the host (and the simulator,
 * which plays the host). Scripts of any length travel over stdin because Windows limits a command line to
 * 8191 characters; the bootstrap must not read to EOF because OverThere 5.3.2 never signals the end of stdin,
 * so the payload is terminator-framed:
 *
 * <pre>
 *   base64( gzip( UTF-8 JSON {"script": "...", "secrets": {"name": "value", ...}} ) ), in lines of 76 characters
 *   #hvcluster-end
 * </pre>
 *
 * Each line ends with CRLF. '#' is not a base64 character, so the terminator cannot occur inside the payload.
 * Secrets travel only here, never on a command line, in a script's text, or in a file.
 *
 * <p>Why gzip: OverThere 5.3.2 hands stdin to WinRM through a 1,024-byte pipe, so every KB of payload is one
 * WinRS Send, and each Send is a new TCP connection answered with 401 first (docs/transport.md). Rendered
 * scripts are text that compresses about 3.5 times, so a facts probe takes about 12 Sends instead of 42.
 */
public final class BootstrapPayload {

    /** The line that ends the payload. */
    public static final String TERMINATOR = "#hvcluster-end";
    /** First comment line of the bootstrap script, so the simulator can recognise it. */
    public static final String BOOTSTRAP_MARKER = "# hvcluster-bootstrap v2";
    /** The line the bootstrap writes to stderr while a script is silent, so no Receive times out. */
    public static final String HEARTBEAT = "#hvcluster-heartbeat";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** ID1 ID2 of RFC 1952: what every gzip member starts with. */
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int LINE = 76;

    private final String script;
    private final Map<String, Secret> secrets;

    public BootstrapPayload(String script, Map<String, Secret> secrets) {
        this.script = script;
        this.secrets = Map.copyOf(secrets);
    }

    public String script() {
        return script;
    }

    public Map<String, Secret> secrets() {
        return secrets;
    }

    /** The exact bytes to send on stdin, terminator included. */
    public byte[] encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("script", script);
        ObjectNode s = root.putObject("secrets");
        new java.util.TreeMap<>(secrets).forEach((k, v) -> s.put(k, v.reveal()));
        String b64 = Base64.getEncoder().encodeToString(gzip(root));
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / LINE * 2 + 32);
        for (int i = 0; i < b64.length(); i += LINE) {
            sb.append(b64, i, Math.min(b64.length(), i + LINE)).append("\r\n");
        }
        sb.append(TERMINATOR).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gzip(ObjectNode root) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(JSON.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize payload", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress payload in memory", e);
        }
        return zipped.toByteArray();
    }

    /**
     * Incremental decoder for the receiving side: feed stdin bytes as they arrive; {@link #payload()} is
     * present once the terminator line has been read.
     */
    public static final class Reader {
        private final StringBuilder pending = new StringBuilder();
        private final StringBuilder base64 = new StringBuilder();
        private BootstrapPayload payload;
        private String error;

        public void feed(byte[] bytes) {
            if (payload != null || error != null) {
                return;
            }
            pending.append(new String(bytes, StandardCharsets.US_ASCII));
            int nl;
            while ((nl = pending.indexOf("\n")) >= 0) {
                String line = pending.substring(0, nl).strip();
                pending.delete(0, nl + 1);
                if (line.equals(TERMINATOR)) {
                    finish();
                    return;
                }
                base64.append(line);
            }
        }

        private void finish() {
            try {
                byte[] zipped = Base64.getDecoder().decode(base64.toString());
                if (zipped.length < 2 || (zipped[0] & 0xff) != GZIP_MAGIC_1 || (zipped[1] & 0xff) != GZIP_MAGIC_2) {
                    error = "payload is not gzip (the bootstrap's GZipStream would refuse it)";
                    return;
                }
                JsonNode root;
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
                    root = JSON.readTree(in.readAllBytes());
                }
                Map<String, Secret> s = new LinkedHashMap<>();
                JsonNode sec = root.path("secrets");
                for (Iterator<Map.Entry<String, JsonNode>> it = sec.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    s.put(e.getKey(), Secret.of(e.getValue().asText()));
                }
                JsonNode scriptNode = root.get("script");
                if (scriptNode == null || !scriptNode.isTextual()) {
                    error = "payload has no script";
                    return;
                }
                payload = new BootstrapPayload(scriptNode.asText(), s);
            } catch (IllegalArgumentException | IOException e) {
                error = "payload is not valid base64 gzip JSON: " + e.getMessage();
            }
        }

        public Optional<BootstrapPayload> payload() {
            return Optional.ofNullable(payload);
        }

        /** Set when the terminator arrived but the payload could not be decoded. */
        public Optional<String> error() {
            return Optional.ofNullable(error);
        }
    }

    /** Splits stdout/stderr text into lines, dropping heartbeat lines. */
    public static List<String> withoutHeartbeats(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            if (!l.strip().equals(HEARTBEAT)) {
                out.add(l);
            }
        }
        return out;
    }
}
