package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.secrets.Secret;
import io.hvcluster.sim.host.DatacenterBuilder;
import io.hvcluster.sim.host.ScriptOutcome;
import io.hvcluster.sim.host.ScriptRunner;
import io.hvcluster.sim.host.SessionLogon;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.sim.winrm.KerberosAcceptor;
import io.hvcluster.sim.winrm.PowerShellResult;
import io.hvcluster.sim.winrm.SimulatedEndpoint;
import io.hvcluster.sim.winrm.SimulatedHostConfig;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.testing.LoopbackKdc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * hvcluster's real Kerberos client (WinRmExecutor over OverThere 5.3.2) against a throwaway MIT KDC on 127.0.0.1 and
 * the simulator's WinRM endpoint, which accepts Negotiate with a Java GSS acceptor (docs/second-hop.md). OverThere
 * always asks for delegation; hvcluster decides with the TGT's forwardability (Krb5ConfProperty). No skip: without
 * the KDC binaries this test fails and says what to install.
 */
class KerberosDelegationTest {

    static final String REALM = "HVCLUSTER.TEST";
    static final String USER = "hvadmin@" + REALM;
    static final Secret PASSWORD = Secret.of("Kerb-Test-P4ss");

    static Path dir;
    static LoopbackKdc kdc;
    static KerberosAcceptor acceptor;
    static String previousKrb5Conf;

    @BeforeAll
    static void realm() throws Exception {
        previousKrb5Conf = System.getProperty(Krb5ConfProperty.PROPERTY);
        dir = Files.createTempDirectory("hvcluster-kdc-");
        kdc = LoopbackKdc.start(REALM, dir);
        kdc.addUser("hvadmin", PASSWORD.reveal());
        Path keytab = kdc.addService("WSMAN/127.0.0.1");
        kdc.addService("HOST/hv02.hvcluster.test");
        System.setProperty(Krb5ConfProperty.PROPERTY, kdc.krb5Conf().toString());
        acceptor = KerberosAcceptor.fromKeytab(keytab, "WSMAN/127.0.0.1@" + REALM);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kdc != null) {
            kdc.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (previousKrb5Conf == null) {
            System.clearProperty(Krb5ConfProperty.PROPERTY);
        } else {
            System.setProperty(Krb5ConfProperty.PROPERTY, previousKrb5Conf);
        }
    }

    private static SimulatedEndpoint endpoint(io.hvcluster.sim.winrm.PowerShellHost host) {
        return SimulatedEndpoint.start(SimulatedHostConfig.builder("HV01").credentials(USER, PASSWORD).kerberos(acceptor)
                .powerShellHost(host).build());
    }

    private static WinRmExecutor executor(SimulatedEndpoint ep, boolean delegate) {
        WinRmSettings s = new WinRmSettings("HV01", "127.0.0.1", ep.port(), false, WinRmSettings.Auth.KERBEROS, USER, PASSWORD, false,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5),
                WinRmSettings.Kerberos.defaults().withKrb5Conf(kdc.krb5Conf()).withDelegation(delegate));
        return new WinRmExecutor(s);
    }

    private static ScriptResult hello(boolean delegate) {
        try (SimulatedEndpoint ep = endpoint(inv -> new PowerShellResult("hello from " + inv.logon().user() + "\r\n", "", 0, Duration.ZERO));
             WinRmExecutor ex = executor(ep, delegate)) {
            return ex.run(new Script("HV01", "hello", "probe", "hello.ps1", "'hello'", Map.of()), Duration.ofSeconds(30), OutputSink.discard());
        }
    }

    @Test
    void delegationForwardsAForwardableTgtThatReachesASecondService() throws Exception {
        int before = acceptor.accepted().size();
        int logBefore = kdc.log().length();
        ScriptResult r = hello(true);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("hello from " + USER);
        List<KerberosAcceptor.Acceptance> seen = acceptor.accepted().subList(before, acceptor.accepted().size());
        assertThat(seen).as("every SOAP request authenticated with Kerberos").isNotEmpty()
                .allMatch(a -> a.principal().equals(USER))
                .allMatch(KerberosAcceptor.Acceptance::delegated)
                .allMatch(KerberosAcceptor.Acceptance::forwardable)
                .allMatch(KerberosAcceptor.Acceptance::forwarded);
        assertThat(forwardedTgtRequests(kdc.log().substring(logBefore))).as("the KDC issued a forwarded TGT (a TGS-REQ for krbtgt)").isPositive();

        // The second hop itself: the WinRM side uses the delegated TGT to get a ticket for another machine's service.
        GSSManager gss = GSSManager.getInstance();
        GSSName node2 = gss.createName("HOST@hv02.hvcluster.test", GSSName.NT_HOSTBASED_SERVICE);
        GSSContext hop = gss.createContext(node2, new Oid("1.2.840.113554.1.2.2"), seen.get(0).credential(), GSSContext.DEFAULT_LIFETIME);
        byte[] token = hop.initSecContext(new byte[0], 0, 0);
        assertThat(token).isNotEmpty();
        assertThat(kdc.log().substring(logBefore)).contains(USER + " for HOST/hv02.hvcluster.test@" + REALM);
        hop.dispose();
    }

    @Test
    void withoutDelegationNoTgtIsForwarded() throws Exception {
        int before = acceptor.accepted().size();
        int logBefore = kdc.log().length();
        ScriptResult r = hello(false);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<KerberosAcceptor.Acceptance> seen = acceptor.accepted().subList(before, acceptor.accepted().size());
        assertThat(seen).isNotEmpty().allMatch(a -> a.principal().equals(USER)).noneMatch(KerberosAcceptor.Acceptance::delegated);
        assertThat(kdc.log().substring(logBefore)).contains("TGS_REQ").contains("for WSMAN/127.0.0.1@" + REALM);
        assertThat(forwardedTgtRequests(kdc.log().substring(logBefore))).as("no forwarded TGT was requested").isZero();
    }

    /** TGS-REQs for the realm's own krbtgt: how a client gets a forwarded TGT (the AS-REQ names krbtgt too, and is not counted). */
    private static long forwardedTgtRequests(String log) {
        return log.lines().filter(l -> l.contains("TGS_REQ") && l.contains("for krbtgt/" + REALM + "@" + REALM)).count();
    }

    @Test
    void hvclusterMakesTheTgtForwardableOnlyForDelegation() throws Exception {
        String admins = Files.readString(kdc.krb5Conf());
        assertThat(admins).contains("forwardable = true");
        assertThat(Files.readString(Krb5ConfProperty.useWithForwardable("HV01", java.util.Optional.of(kdc.krb5Conf()), false)))
                .contains("forwardable = false").doesNotContain("forwardable = true").contains("kdc = 127.0.0.1:");
        assertThat(Krb5ConfProperty.withForwardable("[realms]\n  X = {\n  }\n", true)).startsWith("[libdefaults]\n    forwardable = true\n");
    }

    /** The preflight probe, rendered for the Kerberos default (delegation), run over real Kerberos on the simulator's model. */
    private static PreflightFacts preflight(boolean delegate) {
        Inventory inv = InventoryFixtures.nodes(3, io.hvcluster.inventory.TargetOs.WINDOWS_SERVER_2022);
        SimulatedDatacenter dc = DatacenterBuilder.fresh(inv).domainPassword(Secret.of("unused-under-delegation")).build();
        ScriptRunner runner = new ScriptRunner(dc);
        String text = new PreflightProbe(ScriptRenderer.bundled(), "test").render(inv, inv.firstNode());
        try (SimulatedEndpoint ep = endpoint(invocation -> {
            ScriptOutcome o = runner.run("HV01", invocation.script(), invocation.secrets(),
                    new SessionLogon(invocation.logon().kerberos(), invocation.logon().delegatedCredential()), Instant.parse("2026-03-02T08:00:00Z"));
            return new PowerShellResult(o.stdout(), o.stderr(), o.exitCode(), Duration.ZERO);
        }); WinRmExecutor ex = executor(ep, delegate)) {
            ScriptResult r = ex.run(new Script("HV01", PreflightProbe.ID, "probe", "00-preflight.ps1", text, Map.of()), Duration.ofSeconds(30),
                    OutputSink.discard());
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            return new FactsParser().parsePreflight("HV01", r.structured().orElseThrow().toString());
        }
    }

    @Test
    void theSimulatedSecondHopFollowsTheDelegatedTicketOfARealKerberosLogon() {
        PreflightFacts delegated = preflight(true);
        assertThat(delegated.secondHop()).isEqualTo("delegation");
        assertThat(delegated.hops()).hasSize(2 * 3 + 1).allMatch(PreflightFacts.Hop::ok);

        PreflightFacts bare = preflight(false);
        assertThat(bare.hops()).hasSize(7).noneMatch(PreflightFacts.Hop::ok);
        assertThat(bare.hops().get(0).message()).isEqualTo("Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))");
    }
}
