package io.hvcluster.sim.winrm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 / localhost, made at start by the JDK's own {@code keytool} (so no
 * certificate library joins the product's dependencies), with the SSL context the HTTPS endpoint serves it
 * from. Clients trust it with OverThere's {@code SELF_SIGNED} strategy or by adding {@link #certificate()} to
 * their trust store.
 */
public final class SimulatorCertificate {

    private static final String ALIAS = "wsman";

    private final X509Certificate certificate;
    private final SSLContext sslContext;

    private SimulatorCertificate(X509Certificate certificate, SSLContext sslContext) {
        this.certificate = certificate;
        this.sslContext = sslContext;
    }

    /** Runs {@code $JAVA_HOME/bin/keytool -genkeypair} into a temporary directory it removes afterwards. */
    public static SimulatorCertificate generate() {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IllegalStateException("cannot make the simulator's HTTPS certificate: " + keytool
                    + " is missing (run on a full JDK or JRE, or use HTTP)");
        }
        char[] storePassword = randomPassword();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hvcluster-sim-tls");
            Path store = dir.resolve("wsman.p12");
            List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "3650", "-dname", "CN=localhost, O=hvcluster simulator",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                    "-storepass:env", "HVCLUSTER_SIM_STOREPASS", "-keypass:env", "HVCLUSTER_SIM_STOREPASS",
                    "-noprompt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("HVCLUSTER_SIM_STOREPASS", new String(storePassword));
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed to make the simulator's certificate: " + log.strip());
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, storePassword);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, storePassword);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new SimulatorCertificate((X509Certificate) ks.getCertificate(ALIAS), ctx);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the simulator's HTTPS certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the simulator's HTTPS certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** PEM text of the certificate, for clients such as pywinrm ({@code server_cert_validation} / ca_trust_path). */
    public String pem() {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 fingerprint, upper-case hex, for the simulate command to print. */
    public String sha256Fingerprint() {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    SSLContext sslContext() {
        return sslContext;
    }

    private static char[] randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temp file is harmless; the store password was random and is gone
        }
    }
}
