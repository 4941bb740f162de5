package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.exec.ScriptResult;
import io.hvcluster.pipeline.Step;
import io.hvcluster.secrets.Secret;
import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.facts.Delegation;
import io.hvcluster.testing.InventoryFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecondHopTest {

    private SimulatedBuild build;
    private final Step<?> create = new CreateClusterStep();

    @BeforeEach
    void upToValidation() {
        build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        for (Step<?> s : build.pipeline.steps()) {
            if (s.id().equals(CreateClusterStep.ID)) {
                break;
            }
            List<io.hvcluster.inventory.Host> targets = s.scope() == io.hvcluster.pipeline.Scope.CLUSTER
                    ? List.of(build.inventory.firstNode()) : build.inventory.hosts();
            targets.forEach(h -> assertThat(build.runOne(s, s.phases().get(0), h).result().exitCode()).isZero());
        }
    }

    private ScriptResult createCluster(Map<String, Secret> secrets) {
        String text = SimulatedBuild.render(build.inventory, create, create.phases().get(0), build.inventory.firstNode());
        return build.execute("HV01", create.id(), "apply", text, secrets);
    }

    @Test
    void withoutTheSecretNewClusterIsDeniedAccessToTheOtherNodes() {
        ScriptResult r = createCluster(Map.of());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("note: no delegated credential supplied; running as the current user");
        assertThat(r.structured().orElseThrow().get("error").asText())
                .isEqualTo("You do not have administrative privileges on the server 'HV02'. Requested registry access is not allowed.");
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void aWrongPasswordFailsAtTheFirstRemoteCall() {
        ScriptResult r = createCluster(Map.of(Delegation.PASSWORD_SECRET, Secret.of("wrong")));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.structured().orElseThrow().get("error").asText())
                .isEqualTo("Failed to connect to 'HV02' as CORP.EXAMPLE.COM\\hvadmin: The user name or password is incorrect.");
        assertThat(r.stdout() + r.stderr()).doesNotContain("wrong");
        assertThat(build.dc.clusters).isEmpty();
    }

    @Test
    void aScriptWithoutTheImpersonationIsDeniedEvenWithTheSecret() {
        String text = SimulatedBuild.render(build.inventory, create, create.phases().get(0), build.inventory.firstNode())
                .replace(SecondHop.FUNCTION, "Invoke-Command -ScriptBlock");
        ScriptResult r = build.execute("HV01", create.id(), "apply", text, Map.of(Delegation.PASSWORD_SECRET, SimulatedBuild.PASSWORD));

        assertThat(r.structured().orElseThrow().get("error").asText()).startsWith("You do not have administrative privileges on the server 'HV02'");
    }

    @Test
    void theRightPasswordCreatesTheCluster() {
        ScriptResult r = createCluster(Map.of(Delegation.PASSWORD_SECRET, SimulatedBuild.PASSWORD));

        assertThat(r.exitCode()).isZero();
        assertThat(r.structured().orElseThrow().get("changes").get(0).asText())
                .isEqualTo("created cluster HVCL01 (10.0.0.50) with HV01, HV02, HV03, HV04");
        assertThat(r.structured().orElseThrow().get("data").get("nodes")).hasSize(4);
        assertThat(build.dc.cluster("HVCL01")).isPresent();
    }
}
