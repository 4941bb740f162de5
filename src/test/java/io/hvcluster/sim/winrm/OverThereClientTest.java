package io.hvcluster.sim.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hvcluster.exec.bootstrap.BootstrapPayload;
import io.hvcluster.secrets.Secret;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OverThere 5.3.2's real WinRM client (what hvcluster's executor uses) against the simulated host. */
class OverThereClientTest {

    private static final Pattern HEARTBEAT_LINE = Pattern.compile(Pattern.quote(BootstrapPayload.HEARTBEAT) + "\r\n");

    private static SimulatedHostConfig.Builder host(boolean https) {
        return SimulatedHostConfig.builder("HV01").https(https)
                .credentials("Administrator", Secret.of("P@ssw0rd-sim"));
    }

    @ParameterizedTest(name = "https={0}")
    @ValueSource(booleans = {false, true})
    void cmdBuiltinsExitCodesAndStreams(boolean https) throws Exception {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(https).build())) {
            OverThereRunner ot = OverThereRunner.against(endpoint);

            OverThereRunner.Outcome hostname = ot.run("hostname");
            OverThereRunner.Outcome exit = ot.run("echo going & exit /b 42");
            OverThereRunner.Outcome unknown = ot.run("frobnicate now");

            assertThat(hostname).isEqualTo(new OverThereRunner.Outcome(0, "HV01\r\n", ""));
            assertThat(exit).isEqualTo(new OverThereRunner.Outcome(42, "going \r\n", ""));
            assertThat(unknown).isEqualTo(new OverThereRunner.Outcome(1, "", "'frobnicate' is not recognized as an"
                    + " internal or external command,\r\noperable program or batch file.\r\n"));
            assertThat(endpoint.url()).startsWith(https ? "https://127.0.0.1:" : "http://127.0.0.1:");
            assertThat(endpoint.openShells()).isZero();
        }
    }

    @ParameterizedTest(name = "https={0}")
    @ValueSource(booleans = {false, true})
    void twoHundredKilobyteScriptTravelsThroughBootstrapStdinFraming(boolean https) throws Exception {
        // Random words, so that gzip (BootstrapPayload) still leaves well over 50 Sends of 1 KB to reassemble.
        java.util.Random random = new java.util.Random(42);
        StringBuilder script = new StringBuilder("# rendered step script\r\n");
        while (script.length() < 200 * 1024) {
            script.append("Write-Output 'line ").append(script.length()).append(" Grüße ")
                    .append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append("'\r\n");
        }
        RecordingPowerShellHost ps = new RecordingPowerShellHost(
                inv -> new PowerShellResult("{\"ok\":true}\r\n", "", 3, Duration.ZERO));
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(https).powerShellHost(ps).build())) {
            BootstrapPayload payload = new BootstrapPayload(script.toString(),
                    Map.of("adminPassword", Secret.of("s3cret-value")));

            OverThereRunner.Outcome o = OverThereRunner.against(endpoint).run(BootstrapCommand.commandLine(),
                    payload.encode());

            assertThat(o.exitCode()).isEqualTo(3);
            assertThat(o.stdout()).isEqualTo("{\"ok\":true}\r\n");
            assertThat(ps.invocations()).hasSize(1);
            PowerShellInvocation inv = ps.invocations().get(0);
            assertThat(inv.bootstrap()).isTrue();
            assertThat(inv.script()).isEqualTo(script.toString());
            assertThat(inv.secrets()).containsEntry("adminPassword", Secret.of("s3cret-value"));
            assertThat(inv.machine().hostName()).isEqualTo("HV01");
            assertThat(endpoint.statistics().snapshot().operation("Send")).isGreaterThan(50);
        }
    }

    @Test
    void failingScriptIsReportedAsClixmlOnStderr() throws Exception {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(false).build())) {
            OverThereRunner.Outcome o = OverThereRunner.against(endpoint).run(BootstrapCommand.commandLine(),
                    new BootstrapPayload("Get-ClusterNode", Map.of()).encode());

            assertThat(o.exitCode()).isEqualTo(1);
            assertThat(o.stderr()).isEqualTo(Clixml.errorRecord(UnknownScriptHost.MESSAGE))
                    .startsWith("#< CLIXML\r\n<Objs Version=\"1.1.0.1\"");
        }
    }

    @Test
    void nonAsciiOutputFollowsTheShellCodePage437() throws Exception {
        RecordingPowerShellHost ps = new RecordingPowerShellHost(inv -> PowerShellResult.success(inv.script() + "\r\n"));
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(false).powerShellHost(ps).build())) {
            OverThereRunner.Outcome o = OverThereRunner.against(endpoint).run(BootstrapCommand.commandLine(),
                    new BootstrapPayload("Grüße, 日本", Map.of()).encode());

            // The script arrived intact (base64 JSON on stdin); OverThere's shells use code page 437.
            assertThat(ps.invocations().get(0).script()).isEqualTo("Grüße, 日本");
            assertThat(o.stdout()).isEqualTo("Gr??e, ??\r\n");
        }
    }

    @Test
    void silentBootstrapRunSurvivesTheOperationTimeoutThroughHeartbeats() throws Exception {
        RecordingPowerShellHost ps = new RecordingPowerShellHost(inv -> PowerShellResult.success("done\r\n"));
        SimulatedHostConfig config = host(false).powerShellHost(ps).maxTimeout(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofMillis(300)).build();
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(config)) {
            endpoint.faults().commandSilence(Duration.ofMillis(3000));

            OverThereRunner.Outcome o = OverThereRunner.against(endpoint).run(BootstrapCommand.commandLine(),
                    new BootstrapPayload("Start-Sleep 3", Map.of()).encode());

            assertThat(o.exitCode()).isZero();
            assertThat(o.stdout()).isEqualTo("done\r\n");
            assertThat(HEARTBEAT_LINE.matcher(o.stderr()).results().count()).isGreaterThanOrEqualTo(5);
            assertThat(HEARTBEAT_LINE.matcher(o.stderr()).replaceAll("")).isEmpty();
        }
    }

    @Test
    void silentCommandWithoutHeartbeatFailsWithHttp500LikeWindows() {
        SimulatedHostConfig config = host(false).maxTimeout(Duration.ofSeconds(1)).build();
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(config)) {
            endpoint.faults().commandSilence(Duration.ofMillis(2500));

            assertThatThrownBy(() -> OverThereRunner.against(endpoint).run("hostname"))
                    .hasMessageContaining("Unexpected HTTP response on " + endpoint.url())
                    .hasMessageContaining("Internal Server Error (500)");
            assertThat(endpoint.statistics().snapshot().operation("Delete")).isEqualTo(1);
        }
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(false).build())) {
            OverThereRunner wrong = new OverThereRunner(endpoint.url(), "Administrator", "not-the-password");

            assertThatThrownBy(() -> wrong.run("hostname")).hasMessageContaining("(401)");
            assertThat(endpoint.statistics().snapshot().operations()).isEmpty();
        }
    }

    @Test
    void withoutAllowUnencryptedBasicWorksOnlyOverHttps() throws Exception {
        try (SimulatedEndpoint http = SimulatedEndpoint.start(host(false).allowUnencrypted(false).build());
                SimulatedEndpoint https = SimulatedEndpoint.start(host(true).allowUnencrypted(false).build())) {
            assertThatThrownBy(() -> OverThereRunner.against(http).run("hostname")).hasMessageContaining("(401)");
            assertThat(OverThereRunner.against(https).run("hostname").stdout()).isEqualTo("HV01\r\n");
            assertThat(https.certificate()).hasValueSatisfying(c -> assertThat(c.pem()).startsWith("-----BEGIN"));
        }
    }

    @Test
    void rejectAllCredentialsAnswers401EvenToTheRightPassword() {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(false).build())) {
            endpoint.faults().rejectAllCredentials(true);

            assertThatThrownBy(() -> OverThereRunner.against(endpoint).run("hostname")).hasMessageContaining("(401)");
        }
    }

    @Test
    void refusedConnectionIsAConnectException() throws Exception {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(false).build())) {
            endpoint.refuseConnections(true);

            Throwable t = catchThrowable(() -> OverThereRunner.against(endpoint).run("hostname"));

            assertThat(t).hasMessageContaining("Error when sending request to " + endpoint.url())
                    .hasRootCauseInstanceOf(ConnectException.class);
            endpoint.refuseConnections(false);
            assertThat(OverThereRunner.against(endpoint).run("hostname").stdout()).isEqualTo("HV01\r\n");
        }
    }

    @Test
    void rebootMidCommandFailsClearlyThenTheHostAnswersOnTheSamePort() throws Exception {
        RecordingPowerShellHost ps = new RecordingPowerShellHost(
                inv -> PowerShellResult.success("boot " + inv.machine().bootCount() + "\r\n")
                        .lasting(Duration.ofSeconds(inv.machine().bootCount() == 1 ? 10 : 0)));
        SimulatedHostConfig config = host(false).powerShellHost(ps).rebootDowntime(Duration.ofMillis(800)).build();
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(config)) {
            int port = endpoint.port();
            java.time.Instant firstBoot = endpoint.machine().bootTime();
            CompletableFuture<OverThereRunner.Outcome> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return OverThereRunner.against(endpoint).run(BootstrapCommand.commandLine(),
                            new BootstrapPayload("Install-WindowsFeature Hyper-V -Restart", Map.of()).encode());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(ps.started().await(10, TimeUnit.SECONDS)).isTrue();

            endpoint.reboot();

            Throwable failure = catchThrowable(() -> running.get(20, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(ExecutionException.class);
            assertThat(failure.getCause()).hasMessageContaining(endpoint.url());
            awaitListening(port, Duration.ofSeconds(10));
            assertThat(endpoint.port()).isEqualTo(port);
            assertThat(endpoint.machine().bootCount()).isEqualTo(2);
            assertThat(endpoint.machine().bootTime()).isAfter(firstBoot);
            OverThereRunner.Outcome after = OverThereRunner.against(endpoint).run(BootstrapCommand.commandLine(),
                    new BootstrapPayload("Get-Boot", Map.of()).encode());
            assertThat(after.stdout()).isEqualTo("boot 2\r\n");
        }
    }

    @Test
    void injectedLatenciesSlowRequestsAndPowerShellStart() throws Exception {
        RecordingPowerShellHost ps = new RecordingPowerShellHost(inv -> PowerShellResult.success("ok\r\n"));
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(false).powerShellHost(ps).build())) {
            OverThereRunner ot = OverThereRunner.against(endpoint);
            ot.run("hostname");

            endpoint.faults().requestLatency(Duration.ofMillis(150));
            long slowRequests = timeMillis(() -> ot.run("hostname"));
            endpoint.faults().clear().powerShellStartLatency(Duration.ofMillis(1200));
            long slowPowerShell = timeMillis(() -> ot.run(BootstrapCommand.commandLine(),
                    new BootstrapPayload("Get-Date", Map.of()).encode()));

            // 4 authenticated operations (Create, Command, Receive, Delete) wait 150 ms each. Lower bounds only: a sleep
            // never ends early, while a difference to an unhurried run (as before) failed on a loaded machine.
            assertThat(slowRequests).isGreaterThanOrEqualTo(4 * 150);
            assertThat(slowPowerShell).isGreaterThanOrEqualTo(1200);
        }
    }

    @Test
    void scriptCanRebootItsHostAfterItsOutputIsRead() throws Exception {
        RecordingPowerShellHost ps = new RecordingPowerShellHost(inv -> {
            if (inv.machine().bootCount() == 1) {
                inv.machine().scheduleReboot(Duration.ofMillis(300));
            }
            return PowerShellResult.success("restarting from boot " + inv.machine().bootCount() + "\r\n");
        });
        SimulatedHostConfig config = host(false).powerShellHost(ps).rebootDowntime(Duration.ofMillis(500)).build();
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(config)) {
            OverThereRunner.Outcome first = OverThereRunner.against(endpoint).run(BootstrapCommand.commandLine(),
                    new BootstrapPayload("Restart-Computer -Force", Map.of()).encode());
            assertThat(first.stdout()).isEqualTo("restarting from boot 1\r\n");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (endpoint.machine().bootCount() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            awaitListening(endpoint.port(), Duration.ofSeconds(10));
            assertThat(OverThereRunner.against(endpoint).run("hostname").stdout()).isEqualTo("HV01\r\n");
            assertThat(endpoint.machine().bootCount()).isEqualTo(2);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    private static long timeMillis(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void requestsPerCommandAndLatencyOnLoopback() throws Exception {
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(host(false).build())) {
            OverThereRunner ot = OverThereRunner.against(endpoint);
            ot.run("hostname"); // warm up class loading and JIT
            endpoint.statistics().reset();
            int runs = 20;
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                assertThat(ot.run("hostname").exitCode()).isZero();
            }
            double msPerCommand = (System.nanoTime() - start) / 1e6 / runs;
            RequestStatistics.Snapshot s = endpoint.statistics().snapshot();

            // Create, Command, Receive, Delete, each sent twice because OverThere's Basic auth is not preemptive.
            assertThat(s.operations()).containsOnly(Map.entry("Create", (long) runs), Map.entry("Command", (long) runs),
                    Map.entry("Receive", (long) runs), Map.entry("Delete", (long) runs));
            assertThat(s.httpRequests()).isEqualTo(8L * runs);
            assertThat(s.unauthorized()).isEqualTo(4L * runs);
            System.out.printf("OverThere trivial command on loopback: %.1f ms, %d HTTP requests (%d of them 401)%n",
                    msPerCommand, s.httpRequests() / runs, s.unauthorized() / runs);
            assertThat(msPerCommand).isLessThan(2000);
        }
    }

    private static void awaitListening(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("port " + port + " did not come back within " + timeout);
    }

}
