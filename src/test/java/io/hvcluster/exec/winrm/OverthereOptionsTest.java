package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xebialabs.overthere.ConnectionOptions;
import com.xebialabs.overthere.OperatingSystemFamily;
import com.xebialabs.overthere.cifs.CifsConnectionType;
import com.xebialabs.overthere.cifs.WinrmHttpsCertificateTrustStrategy;
import com.xebialabs.overthere.cifs.WinrmHttpsHostnameVerificationStrategy;
import io.hvcluster.secrets.Secret;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverthereOptionsTest {

    private static final Secret PW = Secret.of("Pa55-word");

    private static WinRmSettings basicHttps() {
        return WinRmSettings.of("HV01", "hv01.corp.example.com", true, WinRmSettings.Auth.BASIC, "Administrator", PW);
    }

    private static WinRmSettings kerberos() {
        return WinRmSettings.of("HV01", "hv01.corp.example.com", true, WinRmSettings.Auth.KERBEROS, "svc-hv@corp.example.com", PW);
    }

    @Test
    void routeBEssentialsAndEndpoint() {
        ConnectionOptions o = OverthereOptions.from(basicHttps());

        assertThat((Object) o.get("os")).isEqualTo(OperatingSystemFamily.WINDOWS);
        assertThat((Object) o.get("connectionType")).isEqualTo(CifsConnectionType.WINRM_INTERNAL);
        assertThat((Object) o.get("protocol")).isEqualTo("cifs");
        assertThat((Object) o.get("address")).isEqualTo("hv01.corp.example.com");
        assertThat(o.getInteger("port")).isEqualTo(5986);
        assertThat(o.getBoolean("winrmEnableHttps")).isTrue();
        assertThat((Object) o.get("username")).isEqualTo("Administrator");
        assertThat((Object) o.get("password")).isEqualTo("Pa55-word");
    }

    @Test
    void passwordIsHiddenWhenOptionsArePrinted() {
        assertThat(OverthereOptions.from(basicHttps()).toString()).doesNotContain("Pa55-word");
    }

    @Test
    void defaultPortFollowsTheScheme() {
        WinRmSettings http = WinRmSettings.of("HV01", "10.0.0.5", false, WinRmSettings.Auth.BASIC, "Administrator", PW);

        assertThat(OverthereOptions.from(http).getInteger("port")).isEqualTo(5985);
        assertThat(OverthereOptions.from(http).getBoolean("winrmEnableHttps")).isFalse();
        assertThat(OverthereOptions.from(http.withPort(15985)).getInteger("port")).isEqualTo(15985);
    }

    @Test
    void timeouts() {
        ConnectionOptions o = OverthereOptions.from(basicHttps()
                .withTimeouts(Duration.ofSeconds(7), Duration.ofMillis(90_500), Duration.ofSeconds(20)));

        assertThat(o.getInteger("connectionTimeoutMillis")).isEqualTo(7_000);
        assertThat((Object) o.get("winrmTimeout")).isEqualTo("PT90.500S");
        // a Receive may take the whole OperationTimeout: the read timeout must be longer
        assertThat(o.getInteger("socketTimeoutMillis")).isEqualTo(90_500 + 15_000);
    }

    @Test
    void defaultOperationTimeoutMatchesOverThereFormat() {
        assertThat((Object) OverthereOptions.from(basicHttps()).get("winrmTimeout")).isEqualTo("PT60.000S");
    }

    @Test
    void certificatesAreCheckedByDefault() {
        ConnectionOptions o = OverthereOptions.from(basicHttps());

        assertThat((Object) o.get("winrmHttpsCertificateTrustStrategy")).isEqualTo(WinrmHttpsCertificateTrustStrategy.STRICT);
        assertThat((Object) o.get("winrmHttpsHostnameVerificationStrategy"))
                .isEqualTo(WinrmHttpsHostnameVerificationStrategy.BROWSER_COMPATIBLE);
    }

    @Test
    void skipCertificateCheckAllowsEverything() {
        ConnectionOptions o = OverthereOptions.from(basicHttps().withSkipCertificateCheck(true));

        assertThat((Object) o.get("winrmHttpsCertificateTrustStrategy")).isEqualTo(WinrmHttpsCertificateTrustStrategy.ALLOW_ALL);
        assertThat((Object) o.get("winrmHttpsHostnameVerificationStrategy"))
                .isEqualTo(WinrmHttpsHostnameVerificationStrategy.ALLOW_ALL);
    }

    @Test
    void basicSetsNoKerberosOption() {
        ConnectionOptions o = OverthereOptions.from(basicHttps());

        assertThat(o.keys()).noneMatch(k -> k.startsWith("winrmKerberos")).doesNotContain("winrmUseCanonicalHostname");
    }

    @Test
    void kerberosDefaults() {
        ConnectionOptions o = OverthereOptions.from(kerberos());

        assertThat((Object) o.get("username")).isEqualTo("svc-hv@CORP.EXAMPLE.COM");
        assertThat(o.getBoolean("winrmKerberosTicketCache")).isFalse();
        assertThat(o.getBoolean("winrmKerberosUseHttpSpn")).isFalse();
        assertThat(o.getBoolean("winrmKerberosAddPortToSpn")).isFalse();
        assertThat(o.getBoolean("winrmUseCanonicalHostname")).isFalse();
    }

    @Test
    void kerberosOptionsMapOneToOne() {
        ConnectionOptions o = OverthereOptions.from(kerberos().withKerberos(
                new WinRmSettings.Kerberos(true, WinRmSettings.SpnService.HTTP, true, true, Optional.empty())));

        assertThat(o.getBoolean("winrmKerberosTicketCache")).isTrue();
        assertThat(o.getBoolean("winrmKerberosUseHttpSpn")).isTrue();
        assertThat(o.getBoolean("winrmKerberosAddPortToSpn")).isTrue();
        assertThat(o.getBoolean("winrmUseCanonicalHostname")).isTrue();
    }

    @Test
    void kerberosNeedsUserAtRealm() {
        assertThatThrownBy(() -> WinRmSettings.of("HV01", "hv01", true, WinRmSettings.Auth.KERBEROS, "svc-hv", PW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user@REALM");
        assertThatThrownBy(() -> WinRmSettings.of("HV01", "hv01", true, WinRmSettings.Auth.KERBEROS, "svc-hv@", PW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oldStyleDomainUserIsRefused() {
        assertThatThrownBy(() -> WinRmSettings.of("HV01", "hv01", true, WinRmSettings.Auth.BASIC, "CORP\\svc-hv", PW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user@REALM");
    }

    @Test
    void basicWithADomainUserIsRefusedBecauseOverThereWouldSwitchToKerberos() {
        assertThatThrownBy(() -> WinRmSettings.of("HV01", "hv01", true, WinRmSettings.Auth.BASIC, "svc@CORP", PW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Kerberos");
    }

    @Test
    void heartbeatMustBeBelowTheOperationTimeout() {
        assertThatThrownBy(() -> basicHttps().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat");
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertThat(basicHttps().toString()).doesNotContain("Pa55-word").contains("https://hv01.corp.example.com:5986/wsman");
    }
}
