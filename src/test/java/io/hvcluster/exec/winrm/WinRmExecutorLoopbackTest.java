package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.exec.bootstrap.BootstrapPayload;
import io.hvcluster.secrets.Secret;
import io.hvcluster.testing.ScriptExecutorContract;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The real WinRmExecutor, through OverThere 5.3.2's real WinRM client and HTTP stack, against a loopback
 * endpoint that plays the host (PowerShell itself is played by the contract interpreter).
 */
class WinRmExecutorLoopbackTest extends ScriptExecutorContract {

    private static final String PASSWORD = "Loopback-Pa55word!";
    private LoopbackWinRmEndpoint endpoint;

    @Override
    protected ScriptExecutor newExecutor() {
        try {
            endpoint = new LoopbackWinRmEndpoint("Administrator", PASSWORD, Duration.ofMillis(150));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new WinRmExecutor(settings(endpoint.port()));
    }

    static WinRmSettings settings(int port) {
        return WinRmSettings.of(HOST, "127.0.0.1", false, WinRmSettings.Auth.BASIC, "Administrator", Secret.of(PASSWORD))
                .withPort(port)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(5));
    }

    @Override
    protected Duration shortTimeout() {
        return Duration.ofSeconds(3);
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void theHostReceivesTheBootstrapAndThePayloadOverStdin() {
        run(script("Write-Output 'x'; exit 0", Map.of("pw", Secret.of("TopSecret-1"))));

        assertThat(endpoint.bootstrapTexts).hasSize(1);
        assertThat(endpoint.bootstrapTexts.get(0)).startsWith(BootstrapPayload.BOOTSTRAP_MARKER + "\r\n");
        String stdin = String.join("", endpoint.stdinSeen);
        assertThat(stdin).endsWith(BootstrapPayload.TERMINATOR + "\r\n").doesNotContain("TopSecret-1");
        assertThat(endpoint.count("shell/Command")).isEqualTo(1);
        assertThat(endpoint.count("transfer/Delete")).isEqualTo(1);
    }

    @Test
    void heartbeatsAreDroppedAndCounted() {
        Logger logger = (Logger) LoggerFactory.getLogger(WinRmExecutor.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        List<String> seen = new CopyOnWriteArrayList<>();
        try {
            ScriptResult r = executor.run(script("Start-Sleep -Milliseconds 1000; Write-Output 'done'; exit 0"), GENEROUS,
                    (stream, line) -> seen.add(line));

            assertThat(r.stdout().strip()).isEqualTo("done");
            assertThat(r.stderr()).isEmpty();
            assertThat(seen).containsExactly("done");
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .matches("contract/probe on HV01: exit code 0 in \\d+ ms, [1-9]\\d* heartbeat line\\(s\\) dropped"));
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(before);
        }
    }

    @Test
    void errorRecordsAreDecodedForTheLiveSinkToo() {
        List<String> seen = new CopyOnWriteArrayList<>();
        executor.run(script("Write-Error 'quorum disk <offline> & gone'; exit 1"), GENEROUS,
                (stream, line) -> seen.add(stream + ":" + line));

        assertThat(seen).contains("STDERR:quorum disk <offline> & gone").noneMatch(l -> l.contains("CLIXML"));
    }

    @Test
    void aTimedOutScriptIsSignalledAndItsShellDeleted() {
        try {
            executor.run(script("Start-Sleep -Seconds 30"), Duration.ofSeconds(1), OutputSink.discard());
        } catch (io.hvcluster.exec.ExecutionException expected) {
            assertThat(expected.kind()).isEqualTo(io.hvcluster.exec.ExecutionException.Kind.TIMEOUT);
        }
        assertThat(endpoint.count("shell/Signal")).isEqualTo(1);
        assertThat(endpoint.count("transfer/Delete")).isGreaterThanOrEqualTo(1);
    }

    /**
     * With the levels of a -v run (cli.ConsoleLogging): everything at DEBUG, OverThere included, except Apache
     * HttpClient, which stays at INFO because at DEBUG it logs the Authorization header (base64 of
     * user:password) and the request bodies (the stdin payload).
     */
    @Test
    void secretsNeverReachTheLogAtDebug() {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger http = (Logger) LoggerFactory.getLogger("org.apache.http");
        Logger overthere = (Logger) LoggerFactory.getLogger("com.xebialabs.overthere");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Level rootBefore = root.getLevel();
        Level httpBefore = http.getLevel();
        Level overthereBefore = overthere.getLevel();
        root.setLevel(Level.DEBUG);
        http.setLevel(Level.INFO);
        overthere.setLevel(Level.DEBUG);
        Secret secret = Secret.of("Cluster-Admin-Pw-77");
        try {
            run(script("Write-Output 'ok'; exit 0", Map.of("pw", secret)));
        } finally {
            root.detachAppender(logs);
            root.setLevel(rootBefore);
            http.setLevel(httpBefore);
            overthere.setLevel(overthereBefore);
        }
        String basic = Base64.getEncoder().encodeToString(("Administrator:" + PASSWORD).getBytes());
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage()
                + String.valueOf(e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                .doesNotContain(secret.reveal()).doesNotContain(PASSWORD).doesNotContain(basic));
    }
}
