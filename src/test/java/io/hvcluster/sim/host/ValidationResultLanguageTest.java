package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 9: Test-Cluster's result is read from the line a localized Windows does not translate (the
 * [Flags] enum's member names), so a German node validates exactly like an English one. Before, the script
 * looked for the English label "Test Result:" and a German node failed closed with "no result summary".
 */
class ValidationResultLanguageTest {

    private static SimulatedBuild.Run validate(String uiCulture, boolean pendingReboot) {
        SimulatedBuild b = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        b.dc.hosts.values().forEach(h -> h.uiCulture = uiCulture);
        b.runBefore("validate-cluster");
        b.dc.requireHost("HV02").otherRebootPending = pendingReboot;
        return b.run("validate-cluster", "HV01");
    }

    @Test
    void aGermanSummaryGivesTheSameResultAsAnEnglishOne() {
        SimulatedBuild.Run english = validate("en-US", true);
        SimulatedBuild.Run german = validate("de-DE", true);
        assertThat(german.result().exitCode()).as(german.result().stdout()).isZero();
        assertThat(german.json().get("data").get("flags").toString())
                .isEqualTo(english.json().get("data").get("flags").toString())
                .isEqualTo("[\"HadUnselectedTests\",\"ClusterConditionallyApproved\"]");
        // The test warnings are passed on in the node's language; the summary is not a warning.
        assertThat(german.json().get("warnings").toString()).contains("Validate Software Update Levels: Der Test hat Warnungen gemeldet..")
                .doesNotContain("Testergebnis");
    }

    @Test
    void aGermanFailureStillFails() {
        SimulatedBuild b = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        b.dc.hosts.values().forEach(h -> h.uiCulture = "de-DE");
        b.runBefore("validate-cluster");
        b.dc.requireHost("HV03").osBuild = 17763;
        SimulatedBuild.Run r = b.run("validate-cluster", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).startsWith("validation did not pass (ClusterNotApproved); read the report: ");
    }

    @Test
    void theReportTravelsBackWithTheResultInIt() {
        SimulatedBuild.Run r = validate("en-US", true);
        String report = new String(Base64.getDecoder().decode(r.json().get("data").get("reportContent").asText()), StandardCharsets.UTF_8);
        assertThat(report).contains("Validate Software Update Levels", "Result: HadUnselectedTests, ClusterConditionallyApproved", "HV01, HV02");
        assertThat(r.json().get("data").get("report").asText()).startsWith("C:\\Windows\\Cluster\\Reports\\hvcluster-validate-").endsWith(".htm");
    }

    @Test
    void theFlagLineIsFoundByItsShapeNotByItsLabel() {
        assertThat(ValidationReportModel.flagsIn("Testergebnis:\r\nHadUnselectedTests, ClusterConditionallyApproved\r\nDie Tests …"))
                .containsExactly("HadUnselectedTests", "ClusterConditionallyApproved");
        assertThat(ValidationReportModel.flagsIn("Résultat du test :\nClusterNotApproved\nchemin : C:\\x.htm")).containsExactly("ClusterNotApproved");
        // An unknown flag beside a known one is kept, so the accepted list refuses it (fail closed).
        assertThat(ValidationReportModel.flagsIn("x\nClusterConditionallyApproved, SomethingNew")).containsExactly("ClusterConditionallyApproved", "SomethingNew");
        // A test warning is never mistaken for the result.
        assertThat(ValidationReportModel.flagsIn("Network - Validate Network Communication: The test reported some warnings..")).isEmpty();
        assertThat(ValidationReportModel.flagsIn("Warnings")).isEmpty();
        assertThat(ValidationReportModel.flagsIn("")).isEqualTo(List.of());
    }
}
