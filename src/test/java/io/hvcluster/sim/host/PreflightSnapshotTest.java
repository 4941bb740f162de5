package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.Answer;
import io.hvcluster.facts.PreflightFacts.PingResult;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.secrets.Secret;
import io.hvcluster.facts.Delegation;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The simulator answers the rendered preflight probe from its model: pings by address and link, AD through the second hop. */
class PreflightSnapshotTest {

    static final Secret PASSWORD = Secret.of("Corr3ct-Horse");
    final Inventory inv = InventoryFixtures.nodes(3, io.hvcluster.inventory.TargetOs.WINDOWS_SERVER_2022);
    final PreflightProbe probe = new PreflightProbe(ScriptRenderer.bundled(), "test");

    SimulatedDatacenter dc(UnaryOperator<DatacenterBuilder> knobs) {
        return knobs.apply(DatacenterBuilder.fresh(inv).domainPassword(PASSWORD)).build();
    }

    PreflightFacts run(SimulatedDatacenter dc, String host, Map<String, Secret> secrets) {
        ScriptOutcome o = new ScriptRunner(dc).run(host, probe.render(inv, inv.host(host).orElseThrow()), secrets, Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(o.exitCode()).as(o.stdout() + o.stderr()).isZero();
        return new FactsParser().parsePreflight(host, o.stdout().strip());
    }

    PreflightFacts.Ping ping(PreflightFacts f, String network, String target) {
        return f.pings().stream().filter(p -> p.network().equals(network) && p.host().equals(target)).findFirst().orElseThrow();
    }

    /** Gives {@code host} its inventory address on {@code network}, as configure-addresses would. */
    static void address(SimulatedDatacenter dc, Inventory inv, String host, String network) {
        var nic = inv.host(host).orElseThrow().nic(network).orElseThrow();
        NetAdapter a = dc.requireHost(host).adapterByMac(nic.mac().orElseThrow().value()).orElseThrow();
        a.ipv4.clear();
        a.ipv4.add(new NetAdapter.AssignedAddress(nic.ip().orElseThrow().toString(), 24, "Manual", "Preferred"));
    }

    @Test
    void freshHostsAnswerOnManagementAndAreNotAddressedElsewhere() {
        PreflightFacts f = run(dc(b -> b), "HV02", Map.of());
        assertThat(ping(f, "Parent", "HV01").result()).isEqualTo(PingResult.reachable);
        assertThat(ping(f, "Cluster", "HV03").result()).isEqualTo(PingResult.notAddressed);
        assertThat(f.pings()).hasSize(2 * 5);
        assertThat(f.directory()).as("only the first node asks AD and DNS").isNull();
    }

    @Test
    void addressedPrivateNetworksArePingedAndLinksOrFirewallsCanFailThem() {
        SimulatedDatacenter dc = dc(b -> b.dropsPings("HV03"));
        address(dc, inv, "HV01", "Cluster");
        address(dc, inv, "HV02", "Cluster");
        address(dc, inv, "HV03", "Cluster");
        PreflightFacts f = run(dc, "HV01", Map.of(Delegation.PASSWORD_SECRET, PASSWORD));
        assertThat(ping(f, "Cluster", "HV02").result()).isEqualTo(PingResult.reachable);
        assertThat(ping(f, "Cluster", "HV03").result()).isEqualTo(PingResult.unreachable);
        assertThat(ping(f, "Parent", "HV03").result()).isEqualTo(PingResult.unreachable);

        dc.requireHost("HV02").adapterByMac("00-15-5D-0A-02-02").orElseThrow().status = "Disconnected";
        assertThat(ping(run(dc, "HV01", Map.of()), "Cluster", "HV02").result()).isEqualTo(PingResult.unreachable);
    }

    @Test
    void theFirstNodeReadsAdThroughTheSecondHop() {
        PreflightFacts.Directory d = run(dc(b -> b), "HV01", Map.of()).directory();
        assertThat(d).as("delegation (the Kerberos default) needs no password on the host").isEqualTo(new PreflightFacts.Directory(
                "CORP\\hvadmin", Answer.no, java.util.List.of(), "", Answer.no, false, "", "CN=Computers,DC=corp,DC=example,DC=com", Answer.yes, ""));

        Inventory impersonating = SecondHopTest.withSecondHop(inv, SecondHop.IMPERSONATION);
        PreflightFacts.Directory noSecret = run(impersonating, dc(b -> b), "HV01", Map.of()).directory();
        assertThat(noSecret.computerObject()).isEqualTo(Answer.unknown);
        assertThat(noSecret.mayCreateComputers()).isEqualTo(Answer.unknown);
        assertThat(noSecret.directoryMessage()).isEqualTo("An operations error occurred.");
        assertThat(noSecret.dnsTaken()).as("DNS needs no credential").isEqualTo(Answer.no);

        PreflightFacts.Directory wrong = run(impersonating, dc(b -> b), "HV01", Map.of(Delegation.PASSWORD_SECRET, Secret.of("nope"))).directory();
        assertThat(wrong.directoryMessage()).contains("The user name or password is incorrect");
    }

    PreflightFacts run(Inventory inventory, SimulatedDatacenter dc, String host, Map<String, Secret> secrets) {
        ScriptOutcome o = new ScriptRunner(dc).run(host, probe.render(inventory, inventory.host(host).orElseThrow()), secrets,
                Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(o.exitCode()).as(o.stdout() + o.stderr()).isZero();
        return new FactsParser().parsePreflight(host, o.stdout().strip());
    }

    static java.util.List<String> failed(PreflightFacts f) {
        return f.hops().stream().filter(h -> !h.ok()).map(h -> h.target() + " " + h.path() + ": " + h.message()).toList();
    }

    @Test
    void freshHostsPassEverySecondHopPathUnderEachMechanism() {
        for (SecondHop mechanism : java.util.List.of(SecondHop.DELEGATION, SecondHop.TASK)) {
            PreflightFacts f = run(SecondHopTest.withSecondHop(inv, mechanism), dc(b -> b), "HV01", Map.of(Delegation.PASSWORD_SECRET, PASSWORD));
            assertThat(f.secondHop()).isEqualTo(mechanism.yamlName());
            assertThat(f.hops()).hasSize(2 * 3 + 1).allMatch(PreflightFacts.Hop::ok);
        }
        assertThat(run(dc(b -> b), "HV02", Map.of()).hops()).as("only the first node tries the second hop").isEmpty();
    }

    @Test
    void eachPathHasItsKnob() {
        PreflightFacts f = run(dc(b -> b.blocksWmiDcom("HV02").remoteRegistryStopped("HV03").blocksSmb("HV02")), "HV01", Map.of());
        assertThat(failed(f)).containsExactly(
                "HV02 wmiDcom: The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)",
                "HV02 remoteRegistry: The network path was not found.",
                "HV02 adminShare: The network path was not found.",
                "HV03 remoteRegistry: The network path was not found.");
        PreflightFacts ldap = run(dc(DatacenterBuilder::ldapUnreachable), "HV01", Map.of());
        assertThat(failed(ldap)).containsExactly("corp.example.com ldap: The server is not operational.");
        assertThat(ldap.directory().directoryMessage()).isEqualTo("The server is not operational.");
    }

    @Test
    void impersonationFailsOnlyTheDcomPath() {
        PreflightFacts f = run(SecondHopTest.withSecondHop(inv, SecondHop.IMPERSONATION), dc(b -> b), "HV01", Map.of(Delegation.PASSWORD_SECRET, PASSWORD));
        assertThat(failed(f)).containsExactly(
                "HV02 wmiDcom: Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))",
                "HV03 wmiDcom: Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))");
    }

    @Test
    void aWrongPasswordFailsTheTaskMechanismForEveryTarget() {
        PreflightFacts f = run(SecondHopTest.withSecondHop(inv, SecondHop.TASK), dc(b -> b), "HV01", Map.of(Delegation.PASSWORD_SECRET, Secret.of("nope")));
        assertThat(f.hops()).extracting(PreflightFacts.Hop::path).containsOnly("mechanism");
        assertThat(f.hops()).extracting(PreflightFacts.Hop::target).containsExactly("HV02", "HV03", "corp.example.com");
        assertThat(f.hops().get(0).message()).contains("Task Scheduler refused", "The user name or password is incorrect");
    }

    @Test
    void delegationFailsEveryPathWhenTheAccountCannotBeDelegated() {
        PreflightFacts f = run(dc(DatacenterBuilder::accountNotDelegable), "HV01", Map.of());
        assertThat(f.hops()).hasSize(7).noneMatch(PreflightFacts.Hop::ok);
        assertThat(failed(f)).contains("HV02 remoteRegistry: You do not have administrative privileges on the server 'HV02'. Requested registry access is not allowed.");
    }

    @Test
    void directoryKnobs() {
        PreflightFacts.Directory taken = run(dc(b -> b.clusterNameTaken().clusterNameInDns("10.0.0.99").noCreateComputerPermission()), "HV01",
                Map.of(Delegation.PASSWORD_SECRET, PASSWORD)).directory();
        assertThat(taken.dnsTaken()).isEqualTo(Answer.yes);
        assertThat(taken.dnsAddresses()).containsExactly("10.0.0.99");
        assertThat(taken.computerObject()).isEqualTo(Answer.yes);
        assertThat(taken.computerObjectEnabled()).isTrue();
        assertThat(taken.mayCreateComputers()).isEqualTo(Answer.no);

        PreflightFacts.Directory prestaged = run(dc(DatacenterBuilder::clusterNamePrestaged), "HV01", Map.of(Delegation.PASSWORD_SECRET, PASSWORD)).directory();
        assertThat(prestaged.computerObject()).isEqualTo(Answer.yes);
        assertThat(prestaged.computerObjectEnabled()).isFalse();

        PreflightFacts.Directory hidden = run(dc(DatacenterBuilder::unreadableOuAcl), "HV01", Map.of(Delegation.PASSWORD_SECRET, PASSWORD)).directory();
        assertThat(hidden.mayCreateComputers()).isEqualTo(Answer.unknown);
        assertThat(hidden.directoryMessage()).contains("Access is denied");
    }
}
