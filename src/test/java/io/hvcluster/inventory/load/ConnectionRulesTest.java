package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static io.hvcluster.inventory.check.Problem.warning;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.PasswordSource;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.testing.InventoryYaml;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionRulesTest {

    @Test
    void portMustBeInRange() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: 70000").load();
        assertThat(r.problems()).containsExactly(
                error("connection.port", 32, 9, "70000 is not a TCP port; expected 1-65535"));
    }

    @Test
    void httpPortWithHttpsIsAWarning() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: 5985").load();
        assertThat(r.problems()).containsExactly(warning("connection.port", 32, 9,
                "5985 is WinRM's HTTP port; with https: true the listener is normally 5986"));
    }

    @Test
    void defaultsAreHttpsOn5986WithKerberos() {
        LoadResult r = InventoryYaml.base().removeLine("  port: 5986").removeLine("  https: true")
                .removeLine("  auth: kerberos").load();
        assertThat(r.problems()).isEmpty();
        Connection c = r.inventory().orElseThrow().connection();
        assertThat(c).isEqualTo(new Connection(5986, true, AuthMethod.KERBEROS, "hvadmin@CORP.EXAMPLE.COM",
                new PasswordSource.Environment("HVCLUSTER_PASSWORD"), false, Duration.ofSeconds(30),
                Duration.ofSeconds(60)));
    }

    @Test
    void defaultPortWithoutHttpsIs5985() {
        LoadResult r = InventoryYaml.base().removeLine("  port: 5986").replace("  https: true", "  https: false").load();
        assertThat(r.inventory().orElseThrow().connection().port()).isEqualTo(5985);
    }

    @Test
    void kerberosNeedsUserAtRealm() {
        LoadResult r = InventoryYaml.base().replace("username: hvadmin@CORP.EXAMPLE.COM", "username: hvadmin").load();
        assertThat(r.problems()).containsExactly(error("connection.username", 35, 13,
                "'hvadmin' has no @REALM; Kerberos needs user@REALM, like hvadmin@CORP.EXAMPLE.COM"));
    }

    @Test
    void kerberosRefusesDomainBackslashUser() {
        LoadResult r = InventoryYaml.base().replace("username: hvadmin@CORP.EXAMPLE.COM", "username: CORP\\hvadmin").load();
        assertThat(r.problems()).containsExactly(error("connection.username", 35, 13,
                "'CORP\\hvadmin' is in DOMAIN\\user form; OverThere's Kerberos needs user@REALM, like "
                        + "hvadmin@CORP.EXAMPLE.COM"));
    }

    @Test
    void basicWithADomainAccountIsAWarning() {
        LoadResult r = InventoryYaml.base().replace("  auth: kerberos", "  auth: basic").load();
        assertThat(r.problems()).containsExactly(warning("connection.username", 35, 13, "Basic authentication works only "
                + "for local accounts; 'hvadmin@CORP.EXAMPLE.COM' looks like a domain account (use auth: kerberos)"));
    }

    @Test
    void basicWithALocalAccountIsFine() {
        LoadResult r = InventoryYaml.base().replace("  auth: kerberos", "  auth: basic")
                .replace("username: hvadmin@CORP.EXAMPLE.COM", "username: Administrator").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().connection().auth()).isEqualTo(AuthMethod.BASIC);
    }

    @Test
    void basicOverHttpIsAWarning() {
        LoadResult r = InventoryYaml.base().replace("  auth: kerberos", "  auth: basic")
                .replace("username: hvadmin@CORP.EXAMPLE.COM", "username: Administrator")
                .replace("  port: 5986", "  port: 5985").replace("  https: true", "  https: false").load();
        assertThat(r.problems()).containsExactly(warning("connection.https", 33, 10, "Basic over HTTP sends the password "
                + "in clear text and Windows refuses it unless AllowUnencrypted is set; use https: true"));
    }

    @Test
    void kerberosOverHttpIsAWarning() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: 5985").replace("  https: true",
                "  https: false").load();
        assertThat(r.problems()).containsExactly(warning("connection.https", 33, 10,
                "Windows refuses Kerberos over HTTP without message encryption, which OverThere lacks; use https: true"));
    }

    @Test
    void skipCertificateCheckWithoutHttpsIsAWarning() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: 5985").replace("  https: true",
                "  https: false\n  skipCertificateCheck: true").load();
        assertThat(r.problems()).contains(
                warning("connection.skipCertificateCheck", 34, 25, "has no effect without https"));
    }

    @Test
    void timeoutsMustBePositive() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: 5986\n  connectTimeoutSeconds: 0").load();
        assertThat(r.problems()).containsExactly(
                error("connection.connectTimeoutSeconds", 33, 26, "must be between 1 and 3600 seconds"));
    }

    @Test
    void operationTimeoutAboveWinRmDefaultIsAWarning() {
        LoadResult r = InventoryYaml.base().replace("  port: 5986", "  port: 5986\n  operationTimeoutSeconds: 120")
                .load();
        assertThat(r.problems()).containsExactly(warning("connection.operationTimeoutSeconds", 33, 28,
                "is above 60 s, WinRM's default MaxTimeoutms; raise MaxTimeoutms on every host or WinRM refuses the "
                        + "requests"));
        assertThat(r.inventory().orElseThrow().connection().operationTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void authMustBeKnown() {
        LoadResult r = InventoryYaml.base().replace("  auth: kerberos", "  auth: ntlm").load();
        assertThat(r.problems()).containsExactly(error("connection.auth", 34, 9,
                "'ntlm' is not a valid auth method; expected one of: basic, kerberos"));
    }

    @Test
    void secondHopDefaultsToAutoWhichIsDelegationWithKerberosAndTaskWithBasic() {
        Connection kerberos = InventoryYaml.base().load().inventory().orElseThrow().connection();
        assertThat(kerberos.secondHop()).isEqualTo(SecondHop.AUTO);
        assertThat(kerberos.secondHopMechanism()).isEqualTo(SecondHop.DELEGATION);
        Connection basic = InventoryYaml.base().replace("  auth: kerberos", "  auth: basic")
                .replace("username: hvadmin@CORP.EXAMPLE.COM", "username: Administrator").load().inventory().orElseThrow().connection();
        assertThat(basic.secondHopMechanism()).isEqualTo(SecondHop.TASK);
    }

    @Test
    void secondHopCanBeChosen() {
        LoadResult r = InventoryYaml.base().replace("  auth: kerberos", "  auth: kerberos\n  secondHop: impersonation").load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().connection().secondHopMechanism()).isEqualTo(SecondHop.IMPERSONATION);
    }

    @Test
    void unknownSecondHopIsAnErrorNamingTheChoices() {
        LoadResult r = InventoryYaml.base().replace("  auth: kerberos", "  auth: kerberos\n  secondHop: credssp").load();
        assertThat(r.problems()).containsExactly(error("connection.secondHop", 35, 14, "'credssp' is not a valid second-hop "
                + "mechanism; expected one of: auto, delegation, task, impersonation"));
    }

    @Test
    void delegationWithBasicIsAnError() {
        LoadResult r = InventoryYaml.base().replace("  auth: kerberos", "  auth: basic\n  secondHop: delegation")
                .replace("username: hvadmin@CORP.EXAMPLE.COM", "username: Administrator").load();
        assertThat(r.problems()).containsExactly(error("connection.secondHop", 35, 14, "delegation forwards a Kerberos "
                + "ticket and Basic has none; use auth: kerberos, or secondHop: task (docs/second-hop.md)"));
    }
}
