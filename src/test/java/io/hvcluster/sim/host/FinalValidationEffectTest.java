package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryFixtures;
import org.junit.jupiter.api.Test;

/** Issue 12 item 11: the final full validation on the simulator, as templates/final-validation/apply.ps1.vm runs. */
class FinalValidationEffectTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    @Test
    void validatesEveryCategoryOnTheInventoryDisksAndMarksTheNode() {
        build.runBefore("final-validation");
        SimulatedBuild.Run r = build.run("final-validation", "HV01");
        assertThat(r.result().exitCode()).as(r.result().stdout() + r.result().stderr()).isZero();
        assertThat(r.json().get("data").get("categories").toString())
                .isEqualTo("[\"Inventory\",\"Network\",\"System Configuration\",\"Storage\",\"Hyper-V Configuration\",\"Cluster Configuration\"]");
        assertThat(r.json().get("changes").get(0).asText()).startsWith("validated cluster HVCL01: HadUnselectedTests, Cluster");
        WindowsHost.ValidationMark mark = build.dc.requireHost("HV01").validationMark;
        assertThat(mark.approved).isTrue();
        assertThat(mark.report).isEqualTo(r.json().get("data").get("report").asText());

        // Converged: the same configuration is not validated again.
        SimulatedBuild.Run again = build.run("final-validation", "HV01");
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(again.json().get("data").get("lastReport").asText()).isEqualTo(mark.report);
    }

    @Test
    void aClusterRunningRolesIsValidatedWithoutStorageAndSaysSo() {
        build.runBefore("final-validation");
        build.dc.clusterOf("HV01").orElseThrow().roles.add("VM01");
        SimulatedBuild.Run r = build.run("final-validation", "HV01");
        assertThat(r.result().exitCode()).isZero();
        assertThat(r.json().get("data").get("categories").toString()).doesNotContain("\"Storage\"");
        assertThat(r.json().get("warnings").get(0).asText())
                .startsWith("the cluster runs 1 role(s) (VM01): validated without the storage tests");
    }

    @Test
    void aFailedValidationFailsTheStepAndMarksItNotApproved() {
        build.runBefore("final-validation");
        build.dc.requireHost("HV03").hypervisorRunning = false;
        SimulatedBuild.Run r = build.run("final-validation", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).startsWith("validation did not pass (ClusterNotApproved); read the report: ");
        assertThat(r.json().get("data").get("reportContent").asText()).isNotEmpty();
        assertThat(build.dc.requireHost("HV01").validationMark.approved).isFalse();
        assertThat(build.dc.requireHost("HV01").validationMark.result).isEqualTo("HadUnselectedTests, ClusterNotApproved");
    }

    @Test
    void refusesANodeOutsideTheCluster() {
        build.runBefore("validate-cluster");
        SimulatedBuild.Run r = build.run("final-validation", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo("this node is not a running node of cluster HVCL01 (create-cluster runs first)");
    }
}
