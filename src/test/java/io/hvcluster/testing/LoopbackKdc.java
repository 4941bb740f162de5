package io.hvcluster.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MIT Kerberos KDC on 127.0.0.1 (shared/kerberos-on-loopback.md): its own realm, database, krb5.conf
 * and kdc.conf in a temporary folder, started without forking and stopped by its process. Needs Debian's
 * krb5-kdc and krb5-admin-server (.ci/run installs them); when they are missing, {@link #start} fails and says so.
 */
public final class LoopbackKdc implements AutoCloseable {

    static final Path KRB5KDC = Path.of("/usr/sbin/krb5kdc");
    static final Path KDB5_UTIL = Path.of("/usr/sbin/kdb5_util");
    static final Path KADMIN_LOCAL = Path.of("/usr/sbin/kadmin.local");

    private final String realm;
    private final Path dir;
    private final int port;
    private final Process kdc;

    private LoopbackKdc(String realm, Path dir, int port, Process kdc) {
        this.realm = realm;
        this.dir = dir;
        this.port = port;
        this.kdc = kdc;
    }

    /** A realm whose TGTs are forwardable by the KDC; the client's krb5.conf decides whether it asks for one. */
    public static LoopbackKdc start(String realm, Path dir) throws IOException, InterruptedException {
        for (Path binary : List.of(KRB5KDC, KDB5_UTIL, KADMIN_LOCAL)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: this test needs a real MIT KDC. Install it with "
                        + "'sudo apt-get install krb5-kdc krb5-admin-server krb5-user' (.ci/run does).");
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("krb5.conf"), """
                [libdefaults]
                    default_realm = %1$s
                    dns_lookup_realm = false
                    dns_lookup_kdc = false
                    dns_canonicalize_hostname = false
                    rdns = false
                    udp_preference_limit = 1
                    forwardable = true
                    default_tkt_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96
                    default_tgs_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96
                    permitted_enctypes = aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96

                [realms]
                    %1$s = {
                        kdc = 127.0.0.1:%2$d
                    }

                [domain_realm]
                    localhost = %1$s
                    127.0.0.1 = %1$s
                """.formatted(realm, port), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("kdc.conf"), """
                [kdcdefaults]
                    kdc_listen = 127.0.0.1:%2$d
                    kdc_tcp_listen = 127.0.0.1:%2$d

                [realms]
                    %1$s = {
                        database_name = %3$s/principal
                        key_stash_file = %3$s/stash
                        acl_file = %3$s/kadm5.acl
                        kdc_listen = 127.0.0.1:%2$d
                        kdc_tcp_listen = 127.0.0.1:%2$d
                        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
                        max_life = 1h
                        max_renewable_life = 1d
                    }

                [logging]
                    kdc = FILE:%3$s/kdc.log
                """.formatted(realm, port, dir), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("kadm5.acl"), "");
        run(dir, List.of(KDB5_UTIL.toString(), "create", "-s", "-r", realm, "-P", randomPassword()));
        ProcessBuilder pb = new ProcessBuilder(KRB5KDC.toString(), "-n", "-r", realm, "-P", dir.resolve("kdc.pid").toString());
        environment(pb, dir);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("krb5kdc.out").toFile());
        Process kdc = pb.start();
        LoopbackKdc started = new LoopbackKdc(realm, dir, port, kdc);
        started.awaitListening();
        return started;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!kdc.isAlive()) {
                throw new IllegalStateException("krb5kdc exited with " + kdc.exitValue() + ": " + Files.readString(dir.resolve("krb5kdc.out")));
            }
            try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                kdc.waitFor(100, TimeUnit.MILLISECONDS);
            }
        }
        throw new IllegalStateException("krb5kdc did not listen on 127.0.0.1:" + port + " within 20 s");
    }

    /** A user principal with this password. */
    public void addUser(String name, String password) throws IOException, InterruptedException {
        kadmin("addprinc -pw " + password + " " + name);
    }

    /** A service principal with a random key, exported to a keytab. */
    public Path addService(String principal) throws IOException, InterruptedException {
        kadmin("addprinc -randkey " + principal);
        Path keytab = dir.resolve(principal.replace('/', '_') + ".keytab");
        kadmin("ktadd -k " + keytab + " " + principal);
        return keytab;
    }

    private void kadmin(String query) throws IOException, InterruptedException {
        run(dir, List.of(KADMIN_LOCAL.toString(), "-r", realm, "-q", query));
    }

    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    public String realm() {
        return realm;
    }

    /** What the KDC logged (AS-REQ, TGS-REQ lines): the wire as the KDC saw it. */
    public String log() throws IOException {
        Path log = dir.resolve("kdc.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        kdc.destroy();
        if (!kdc.waitFor(10, TimeUnit.SECONDS)) {
            kdc.destroyForcibly();
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        environment(pb, dir);
        Path out = Files.createTempFile(dir, "cmd-", ".out");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command.subList(0, 2)) + " failed: " + Files.readString(out));
        }
    }

    private static void environment(ProcessBuilder pb, Path dir) {
        Map<String, String> env = pb.environment();
        env.put("KRB5_CONFIG", dir.resolve("krb5.conf").toString());
        env.put("KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString());
    }

    private static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
