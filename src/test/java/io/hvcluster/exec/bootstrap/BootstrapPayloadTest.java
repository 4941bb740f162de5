package io.hvcluster.exec.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The stdin framing the bootstrap reads: base64 lines of gzip of the JSON, then the terminator; the reader (the
 * simulator's and the loopback endpoint's) gets back exactly the script and secrets that were sent.
 */
class BootstrapPayloadTest {

    private static final String SCRIPT = "param()\r\n# Grüße, 日本\r\nWrite-Output 'x'\r\n".repeat(200);

    @Test
    void roundTripsScriptAndSecretsFedInPipeSizedPieces() {
        byte[] wire = new BootstrapPayload(SCRIPT, Map.of("pw", Secret.of("TopSecret-1"), "chap", Secret.of("c"))).encode();

        BootstrapPayload.Reader reader = new BootstrapPayload.Reader();
        // OverThere's pipe hands over at most 1,024 bytes at a time.
        for (int i = 0; i < wire.length; i += 1024) {
            reader.feed(Arrays.copyOfRange(wire, i, Math.min(wire.length, i + 1024)));
        }

        assertThat(reader.error()).isEmpty();
        BootstrapPayload back = reader.payload().orElseThrow();
        assertThat(back.script()).isEqualTo(SCRIPT);
        assertThat(back.secrets()).containsOnlyKeys("pw", "chap");
        assertThat(back.secrets().get("pw").reveal()).isEqualTo("TopSecret-1");
    }

    @Test
    void theWireIsBase64LinesOfGzipEndingWithTheTerminator() throws Exception {
        String wire = new String(new BootstrapPayload(SCRIPT, Map.of("pw", Secret.of("TopSecret-1"))).encode(), StandardCharsets.US_ASCII);

        assertThat(wire).endsWith("\r\n" + BootstrapPayload.TERMINATOR + "\r\n").doesNotContain("TopSecret-1");
        String[] lines = wire.split("\r\n");
        assertThat(Arrays.stream(lines, 0, lines.length - 1)).allMatch(l -> l.length() <= 76 && l.matches("[A-Za-z0-9+/=]+"));
        byte[] zipped = Base64.getDecoder().decode(String.join("", Arrays.copyOf(lines, lines.length - 1)));
        assertThat(zipped[0] & 0xff).isEqualTo(0x1f);
        assertThat(zipped[1] & 0xff).isEqualTo(0x8b);
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("{\"script\":").contains("\"TopSecret-1\"");
        }
        // The point of gzip: fewer 1 KB WinRS Sends than the plain base64 JSON would take.
        assertThat(wire.length()).isLessThan(SCRIPT.getBytes(StandardCharsets.UTF_8).length / 4);
    }

    @Test
    void plainBase64JsonIsRefusedAsTheBootstrapWouldRefuseIt() {
        String plain = Base64.getEncoder().encodeToString("{\"script\":\"x\",\"secrets\":{}}".getBytes(StandardCharsets.UTF_8));
        BootstrapPayload.Reader reader = new BootstrapPayload.Reader();

        reader.feed((plain + "\r\n" + BootstrapPayload.TERMINATOR + "\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(reader.payload()).isEmpty();
        assertThat(reader.error()).hasValueSatisfying(e -> assertThat(e).contains("not gzip"));
    }
}
