package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.xebialabs.overthere.winrm.WinRmRuntimeIOException;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.ExecutionException.Kind;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.security.auth.login.LoginException;
import org.apache.http.conn.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Failures produced by OverThere 5.3.2 itself, against loopback servers that misbehave in one way each;
 * plus the cases that cannot be produced on loopback (DNS, Kerberos), with the exception chains OverThere builds.
 */
class WinRmFailureClassifierTest {

    private static final String PASSWORD = "Very-Secret-Pw-9";
    private static final Secret SCRIPT_SECRET = Secret.of("Script-Secret-42");

    private static WinRmSettings settings(int port, boolean https) {
        return WinRmSettings.of("HV01", "127.0.0.1", https, WinRmSettings.Auth.BASIC, "Administrator", Secret.of(PASSWORD))
                .withPort(port)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    private static ExecutionException runAgainst(WinRmSettings s) {
        try (WinRmExecutor executor = new WinRmExecutor(s)) {
            Script script = new Script("HV01", "facts", "probe", "00-facts.ps1", "Write-Output 'x'; exit 0",
                    Map.of("pw", SCRIPT_SECRET));
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> executor.run(script, Duration.ofSeconds(20), OutputSink.discard()));
            assertThat(e).as("an ExecutionException").isNotNull();
            assertThat(e.host()).isEqualTo("HV01");
            assertOneCleanLine(e);
            return e;
        }
    }

    private static void assertOneCleanLine(ExecutionException e) {
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(PASSWORD).doesNotContain(SCRIPT_SECRET.reveal())
                .doesNotContain("Exception").doesNotContain("\tat ");
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertThat(c).isInstanceOf(SanitizedCause.class);
            assertThat(c.getMessage()).doesNotContain("Request:").doesNotContain(PASSWORD).doesNotContain("<s:Envelope")
                    .doesNotContain("<env:Envelope");
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static HttpServer answering(int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/wsman", ex -> {
            ex.getRequestBody().readAllBytes();
            if (status == 401) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
        return server;
    }

    @Test
    void closedPortIsUnreachableWithTheWinRmHint() throws Exception {
        ExecutionException e = runAgainst(settings(closedPort(), true));

        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("cannot reach HV01 at 127.0.0.1:").contains("over HTTPS: connection refused")
                .contains("Enable-PSRemoting").contains("firewall");
    }

    @Test
    void http401IsAnAuthenticationFailureWithTheBasicHint() throws Exception {
        HttpServer server = answering(401);
        try {
            ExecutionException e = runAgainst(settings(server.getAddress().getPort(), false));

            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).contains("'Administrator'").contains("local accounts").contains("AllowUnencrypted")
                    .contains("user@REALM");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void http500IsATransientProtocolFaultWhoseHintNamesTheRealCause() throws Exception {
        HttpServer server = answering(500);
        try {
            ExecutionException e = runAgainst(settings(server.getAddress().getPort(), false));

            assertThat(e.kind()).isEqualTo(Kind.PROTOCOL_FAULT);
            assertThat(e.getMessage()).contains("HTTP 500").contains("MaxShellsPerUser").contains("WinRM/Operational")
                    .doesNotContain("TimedOut");
            assertThat(e.transientFault()).isTrue();
            assertThat(e.notStarted()).as("the shell was refused with a fault: nothing started").isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDroppedConnectionIsConnectionLost() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        in.read(new byte[4096]);
                        s.setSoLinger(true, 0);   // RST instead of FIN: "Connection reset"
                    } catch (Exception ignored) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();

            ExecutionException e = runAgainst(settings(server.getLocalPort(), false));

            assertThat(e.kind()).isEqualTo(Kind.CONNECTION_LOST);
            assertThat(e.getMessage()).startsWith("lost the connection to HV01 at 127.0.0.1:").contains("starting facts/probe")
                    .contains("rebooting");
        }
    }

    @Test
    void selfSignedCertificateIsRejectedByDefaultAndTheOptOutIsNamed() throws Exception {
        HttpsServer server = selfSignedServer();
        try {
            ExecutionException e = runAgainst(settings(server.getAddress().getPort(), true));

            assertThat(e.kind()).isEqualTo(Kind.CERTIFICATE_REJECTED);
            assertThat(e.getMessage()).contains("cannot trust the HTTPS certificate of HV01").contains("skipCertificateCheck");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void skipCertificateCheckGetsPastTlsToTheServer() throws Exception {
        HttpsServer server = selfSignedServer();
        try {
            ExecutionException e = runAgainst(settings(server.getAddress().getPort(), true).withSkipCertificateCheck(true));

            // TLS was accepted: the failure is now the server's 401
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
            assertThat(e.getMessage()).doesNotContain("AllowUnencrypted");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unknownHostAndConnectTimeoutAreUnreachable() {
        WinRmFailureClassifier c = new WinRmFailureClassifier(settings(5986, true));
        SecretMasker none = SecretMasker.none();

        ExecutionException dns = c.classify(new WinRmRuntimeIOException("Error when sending request to https://hv01:5986/wsman",
                new UnknownHostException("hv01.corp.example.com")), "starting x", none);
        ExecutionException slow = c.classify(new WinRmRuntimeIOException("Error when sending request to https://hv01:5986/wsman",
                new ConnectTimeoutException("Connect to hv01:5986 failed: connect timed out")), "starting x", none);

        assertThat(dns.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(dns.getMessage()).contains("unknown host");
        assertThat(slow.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(slow.getMessage()).contains("no answer within 3 s");
    }

    @Test
    void kerberosLoginErrorsSayWhatWentWrong() {
        WinRmSettings k = WinRmSettings.of("HV01", "hv01.corp.example.com", true, WinRmSettings.Auth.KERBEROS,
                "svc-hv@CORP.EXAMPLE.COM", Secret.of(PASSWORD));
        WinRmFailureClassifier c = new WinRmFailureClassifier(k);
        // the chain OverThere's WinRmClient.runPrivileged builds around a JAAS login failure
        ExecutionException preauth = c.classify(new WinRmRuntimeIOException(
                "Login failure sending message on https://hv01:5986/wsman error: Pre-authentication information was invalid (24)",
                null, null, new LoginException("Pre-authentication information was invalid (24)")), "starting x", SecretMasker.none());
        ExecutionException unknownUser = c.classify(new WinRmRuntimeIOException("Login failure",
                null, null, new LoginException("Client not found in Kerberos database (6)")), "starting x", SecretMasker.none());
        ExecutionException spn = c.classify(new WinRmRuntimeIOException(
                "Unexpected HTTP response on https://hv01:5986/wsman:  Unauthorized (401)"), "starting x", SecretMasker.none());

        assertThat(preauth.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
        assertThat(preauth.getMessage()).contains("PREAUTH_FAILED").contains("wrong password");
        assertThat(unknownUser.getMessage()).contains("does not know this user");
        assertThat(spn.kind()).isEqualTo(Kind.AUTHENTICATION_FAILED);
        assertThat(spn.getMessage()).contains("SPN WSMAN/hv01.corp.example.com").contains("HTTPS");
    }

    @Test
    void secretsInAnOverThereMessageAreMaskedAndItsSoapDocumentsDropped() {
        WinRmFailureClassifier c = new WinRmFailureClassifier(settings(5985, false));
        RuntimeException odd = new RuntimeException("weird failure mentioning " + SCRIPT_SECRET.reveal()
                + "\nRequest:\n<env:Envelope>payload</env:Envelope>");

        ExecutionException e = c.classify(odd, "running x", new SecretMasker(List.of(SCRIPT_SECRET)));

        assertThat(e.kind()).isEqualTo(Kind.PROTOCOL_FAULT);
        assertOneCleanLine(e);
        assertThat(e.getMessage()).contains(Secret.MASK);
    }

    private static HttpsServer selfSignedServer() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = WinRmFailureClassifierTest.class.getResourceAsStream("loopback-selfsigned.p12")) {
            ks.load(in, "loopback".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "loopback".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/wsman", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"WSMAN\"");
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        server.start();
        return server;
    }
}
