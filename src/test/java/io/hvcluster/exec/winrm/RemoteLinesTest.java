package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.bootstrap.BootstrapPayload;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteLinesTest {

    private final List<String> lines = new ArrayList<>();
    private final RemoteLines remote = new RemoteLines(lines::add);

    private void feed(String s, Charset cs) {
        byte[] b = s.getBytes(cs);
        remote.feed(b, 0, b.length);
    }

    @Test
    void splitsCrLfLinesAcrossChunksAndKeepsTheLastUnterminatedLine() {
        feed("one\r\ntw", StandardCharsets.US_ASCII);
        feed("o\r\nthree", StandardCharsets.US_ASCII);
        remote.finish();

        assertThat(lines).containsExactly("one", "two", "three");
    }

    @Test
    void heartbeatLinesAreDroppedAndCounted() {
        feed(BootstrapPayload.HEARTBEAT + "\r\nreal\r\n" + BootstrapPayload.HEARTBEAT + "\r\n", StandardCharsets.US_ASCII);
        remote.finish();

        assertThat(lines).containsExactly("real");
        assertThat(remote.heartbeats()).isEqualTo(2);
    }

    @Test
    void aHeartbeatInsideALineIsCutOutAndTheLineJoinedAgain() {
        feed("<Objs><S S=\"Error\">half" + BootstrapPayload.HEARTBEAT + "\r\n and rest</S></Objs>\r\n", StandardCharsets.US_ASCII);
        remote.finish();

        assertThat(lines).containsExactly("<Objs><S S=\"Error\">half and rest</S></Objs>");
        assertThat(remote.heartbeats()).isEqualTo(1);
    }

    @Test
    void utf8IsDecodedAsUtf8() {
        feed("Ethernet \u00e9t\u00e9 \u2013 ok\r\n", StandardCharsets.UTF_8);
        remote.finish();

        assertThat(lines).containsExactly("Ethernet \u00e9t\u00e9 \u2013 ok");
    }

    @Test
    void codePage437IsTheFallbackWhenTheConsoleStayedOn437() {
        feed("Netzwerkverbindung \u00fc\u00e4\r\n", Charset.forName("IBM437"));
        remote.finish();

        assertThat(lines).containsExactly("Netzwerkverbindung \u00fc\u00e4");
    }
}
