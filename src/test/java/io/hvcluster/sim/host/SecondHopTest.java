package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.inventory.Connection;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.SecondHop;
import io.hvcluster.pipeline.Step;
import io.hvcluster.secrets.Secret;
import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.facts.Delegation;
import io.hvcluster.testing.InventoryFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * New-Cluster's second hop per mechanism, as docs/second-hop.md's sources describe it: DCOM does not follow type-9
 * impersonation; a delegated TGT or a batch-logon task carries full credentials; the task checks the password.
 */
class SecondHopTest {

    private static final String HINT = "; run hvcluster preflight (check second-hop) and read docs/second-hop.md]";

    private SimulatedBuild build;
    private final Step<?> create = new CreateClusterStep();

    static Inventory withSecondHop(Inventory i, SecondHop hop) {
        Connection c = i.connection();
        return new Inventory(i.source(), i.cluster(), i.networks(), i.hosts(), new Connection(c.port(), c.https(), c.auth(), c.username(),
                c.password(), c.skipCertificateCheck(), c.connectTimeout(), c.operationTimeout(), hop), i.capacity());
    }

    private void upToCreateCluster(SecondHop hop) {
        build = SimulatedBuild.fresh(withSecondHop(InventoryFixtures.fourNodes(), hop));
        for (Step<?> s : build.pipeline.steps()) {
            if (s.id().equals(CreateClusterStep.ID)) {
                break;
            }
            if (s.id().equals(io.hvcluster.steps.ValidateClusterStep.ID)) {
                // Test-Cluster has its own second hop; validateClusterUnderImpersonationFailsOnDcom covers it.
                continue;
            }
            List<io.hvcluster.inventory.Host> targets = s.scope() == io.hvcluster.pipeline.Scope.CLUSTER
                    ? List.of(build.inventory.firstNode()) : build.inventory.hosts();
            targets.forEach(h -> assertThat(build.runOne(s, s.phases().get(0), h).result().exitCode()).isZero());
        }
    }

    private String script() {
        return SimulatedBuild.render(build.inventory, create, create.phases().get(0), build.inventory.firstNode());
    }

    private ScriptResult createCluster(Map<String, Secret> secrets) {
        return build.execute("HV01", create.id(), "apply", script(), secrets);
    }

    private static String error(ScriptResult r) {
        return r.structured().orElseThrow().get("error").asText();
    }

    @Test
    void impersonationReachesTheRegistryButDcomIgnoresTheImpersonatedThread() {
        upToCreateCluster(SecondHop.IMPERSONATION);
        ScriptResult r = createCluster(Map.of(Delegation.PASSWORD_SECRET, SimulatedBuild.PASSWORD));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(error(r)).isEqualTo("Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)) [second hop: impersonation" + HINT);
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void impersonationWithAWrongPasswordFailsAtTheFirstRemoteCall() {
        upToCreateCluster(SecondHop.IMPERSONATION);
        ScriptResult r = createCluster(Map.of(Delegation.PASSWORD_SECRET, Secret.of("wrong")));

        assertThat(error(r)).isEqualTo("The user name or password is incorrect. [second hop: impersonation" + HINT);
        assertThat(r.stdout() + r.stderr()).doesNotContain("wrong");
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void withoutTheSecretTheBodyRunsAsTheCurrentUserAndIsDenied() {
        upToCreateCluster(SecondHop.TASK);
        ScriptResult r = createCluster(Map.of());

        assertThat(r.stderr()).contains("note: no delegated credential supplied; running as the current user");
        assertThat(error(r)).isEqualTo("You do not have administrative privileges on the server 'HV02'. Requested registry access is not allowed."
                + " [second hop: task" + HINT);
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void aScheduledTaskAsTheAccountCreatesTheCluster() {
        upToCreateCluster(SecondHop.TASK);
        ScriptResult r = createCluster(Map.of(Delegation.PASSWORD_SECRET, SimulatedBuild.PASSWORD));

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.structured().orElseThrow().get("changes").get(0).asText())
                .isEqualTo("created cluster HVCL01 (10.0.0.50) with HV01, HV02, HV03, HV04");
        assertThat(build.dc.cluster("HVCL01")).isPresent();
    }

    @Test
    void taskSchedulerRefusesAWrongPasswordBeforeAnyRemoteCall() {
        upToCreateCluster(SecondHop.TASK);
        ScriptResult r = createCluster(Map.of(Delegation.PASSWORD_SECRET, Secret.of("wrong")));

        assertThat(error(r)).startsWith("second hop (task): Task Scheduler refused to register a task as CORP.EXAMPLE.COM\\hvadmin: "
                + "The user name or password is incorrect.").endsWith("[second hop: task" + HINT);
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void aTaskWithoutTheBatchLogonRightFails() {
        upToCreateCluster(SecondHop.TASK);
        build.dc.directory.noBatchLogonRight = true;
        ScriptResult r = createCluster(Map.of(Delegation.PASSWORD_SECRET, SimulatedBuild.PASSWORD));

        assertThat(error(r)).contains("the user has not been granted the requested logon type at this computer", "[second hop: task");
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void delegationNeedsNoPasswordOnTheHost() {
        upToCreateCluster(SecondHop.DELEGATION);
        ScriptResult r = createCluster(Map.of());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).doesNotContain("no delegated credential");
        assertThat(build.dc.cluster("HVCL01")).isPresent();
    }

    @Test
    void delegationFailsWhenTheAccountCannotBeDelegated() {
        upToCreateCluster(SecondHop.DELEGATION);
        build.dc.directory.accountNotDelegable = true;
        ScriptResult r = createCluster(Map.of());

        assertThat(error(r)).isEqualTo("You do not have administrative privileges on the server 'HV02'. Requested registry access is not allowed."
                + " [second hop: delegation" + HINT);
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void aKerberosLogonWithoutADelegatedTicketIsABareNetworkLogon() throws Exception {
        upToCreateCluster(SecondHop.DELEGATION);
        ScriptOutcome without = build.runner.run("HV01", script(), Map.of(), new SessionLogon(true, false), build.clock.now());
        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(resultError(without)).startsWith("You do not have administrative privileges on the server 'HV02'");
        assertThat(build.dc.clusters).isEmpty();

        ScriptOutcome with = build.runner.run("HV01", script(), Map.of(), new SessionLogon(true, true), build.clock.now());
        assertThat(with.exitCode()).as(with.stderr()).isZero();
        assertThat(build.dc.cluster("HVCL01")).isPresent();
    }

    @Test
    void aScriptWithoutTheSecondHopFunctionIsDeniedEvenWithTheSecret() {
        upToCreateCluster(SecondHop.IMPERSONATION);
        String text = script().replace(io.hvcluster.sim.host.SecondHop.FUNCTION, "Invoke-Command -ScriptBlock");
        ScriptResult r = build.execute("HV01", create.id(), "apply", text, Map.of(Delegation.PASSWORD_SECRET, SimulatedBuild.PASSWORD));

        assertThat(error(r)).startsWith("You do not have administrative privileges on the server 'HV02'");
    }

    @Test
    void validateClusterUnderImpersonationFailsOnDcom() {
        upToCreateCluster(SecondHop.IMPERSONATION);
        Step<?> validate = new io.hvcluster.steps.ValidateClusterStep();
        String text = SimulatedBuild.render(build.inventory, validate, validate.phases().get(0), build.inventory.firstNode());
        ScriptResult r = build.execute("HV01", validate.id(), "apply", text, Map.of(Delegation.PASSWORD_SECRET, SimulatedBuild.PASSWORD));

        assertThat(error(r)).isEqualTo("Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED)) [second hop: impersonation" + HINT);
    }

    private static String resultError(ScriptOutcome o) throws Exception {
        String line = o.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(line).get("error").asText();
    }
}
