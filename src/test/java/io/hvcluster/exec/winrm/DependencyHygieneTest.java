package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xebialabs.overthere.winrm.WinRmConnection;
import io.hvcluster.secrets.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The WinRM-only classpath of route B (shared OVERTHERE-DEPENDENCIES.md): OverThere's SSH, SMB, telnet, GCP and
 * classpath-scanning dependencies are excluded, and the libraries its WinRM client does use are the overridden
 * versions, not the 2015 ones OverThere's POM asks for.
 */
class DependencyHygieneTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "net.schmizz.sshj.SSHClient",                        // sshj
            "com.hierynomus.smbj.SMBClient",                     // smbj
            "jcifs.smb.SmbFile",                                 // jcifs
            "nl.javadude.scannit.Scannit",                       // scannit
            "org.bouncycastle.jce.provider.BouncyCastleProvider",// bcprov-jdk15on
            "org.bouncycastle.cert.X509CertificateHolder",       // bcpkix-jdk15on
            "org.apache.commons.net.telnet.TelnetClient",        // commons-net
            "com.jcraft.jsch.JSch",                              // jsch
            "com.jcraft.jzlib.Deflater",                         // jzlib
            "com.google.cloud.oslogin.v1.OsLoginServiceClient",  // google-cloud-os-login
            "com.google.api.services.compute.Compute",           // google-api-services-compute
            "net.engio.mbassy.bus.MBassador",                    // mbassador
            "javax.servlet.Servlet"                              // servlet-api
    })
    void excludedLibrariesAreNotOnTheClasspath(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void httpClientIsAtLeast4_5_14() throws IOException {
        assertThat(compare(pomVersion("org.apache.httpcomponents", "httpclient"), "4.5.14")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void commonsCodecIsAtLeast1_17_1() throws IOException {
        assertThat(compare(pomVersion("commons-codec", "commons-codec"), "1.17.1")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void slf4jIsVersion2() throws IOException {
        assertThat(pomVersion("org.slf4j", "slf4j-api")).startsWith("2.");
        assertThat(pomVersion("org.slf4j", "jcl-over-slf4j")).startsWith("2.");
    }

    @Test
    void jaxenIs2_0_0() throws IOException {
        assertThat(pomVersion("jaxen", "jaxen")).isEqualTo("2.0.0");
    }

    @Test
    void dom4jIs2_1_4() throws URISyntaxException {
        // dom4j's jar carries no pom.properties; its file name is the version Maven resolved
        Path jar = Path.of(org.dom4j.Document.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar.getFileName().toString()).isEqualTo("dom4j-2.1.4.jar");
    }

    @Test
    void winRmConnectionIsBuiltFromOurOptionsWithoutMissingClasses() {
        WinRmSettings s = WinRmSettings.of("HV01", "127.0.0.1", true, WinRmSettings.Auth.BASIC, "Administrator", Secret.of("x"));

        WinRmConnection c = new WinRmConnection(OverthereOptions.from(s), com.xebialabs.overthere.util.DefaultAddressPortMapper.INSTANCE, null);

        assertThat(c.toString()).doesNotContain("Administrator:x");
        // startProcess builds the WinRM client, HTTP and XML machinery; a missing class would fail here, not later
        assertThatThrownBy(() -> new WinRmExecutor(s.withPort(closedPort())).run(
                new io.hvcluster.exec.Script("HV01", "facts", "probe", "f.ps1", "exit 0"),
                java.time.Duration.ofSeconds(10), io.hvcluster.exec.OutputSink.discard()))
                .isInstanceOf(io.hvcluster.exec.ExecutionException.class)
                .isNotInstanceOf(NoClassDefFoundError.class);
    }

    private static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pomVersion(String group, String artifact) throws IOException {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = DependencyHygieneTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    /** Compares dotted numeric versions ("4.5.14" vs "4.5.9"). */
    static int compare(String a, String b) {
        Matcher ma = Pattern.compile("\\d+").matcher(a);
        Matcher mb = Pattern.compile("\\d+").matcher(b);
        while (true) {
            boolean ha = ma.find();
            boolean hb = mb.find();
            if (!ha || !hb) {
                return Boolean.compare(ha, hb);
            }
            int c = Integer.compare(Integer.parseInt(ma.group()), Integer.parseInt(mb.group()));
            if (c != 0) {
                return c;
            }
        }
    }
}
