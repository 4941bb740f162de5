package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.testing.InventoryFixtures;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 8: New-Cluster's warnings and report, every node Up before "created", and a node added by a
 * re-run validated with the existing nodes before it joins.
 */
class RealWindowsCreateClusterTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    @Test
    void newClusterWarningsAndItsReportPathAreKept() {
        build.runBefore(CreateClusterStep.ID);
        SimulatedBuild.Run r = build.run(CreateClusterStep.ID, "HV01");
        assertThat(r.result().exitCode()).as(r.result().stdout()).isZero();
        assertThat(r.json().get("data").get("reportPath").asText()).startsWith("C:\\Windows\\cluster\\Reports\\Create Cluster Wizard HVCL01 on ").endsWith(".htm");
        assertThat(r.json().get("warnings").toString()).contains("New-Cluster: An appropriate disk was not found for configuring a disk witness.");
        assertThat(r.json().get("data").get("newClusterWarnings")).hasSize(3);
    }

    @Test
    void createdOnlyOnceEveryNodeIsUp() {
        build.runBefore(CreateClusterStep.ID);
        SimulatedBuild.Run r = build.run(CreateClusterStep.ID, "HV01");
        assertThat(r.json().get("data").get("nodes").findValuesAsText("state")).hasSize(4).containsOnly("Up");
        assertThat(r.result().duration()).isGreaterThanOrEqualTo(build.dc.latencies().newCluster().multipliedBy(2));
    }

    @Test
    void aNodeAddedByAReRunIsValidatedWithTheExistingNodesFirst() {
        build.runBefore("configure-quorum");
        build.dc.cluster("HVCL01").orElseThrow().nodes.removeIf(n -> n.name.equals("HV04"));
        build.dc.requireHost("HV04").osBuild = 17763;
        SimulatedBuild.Run r = build.run(CreateClusterStep.ID, "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).startsWith("validation of HV01, HV02, HV03, HV04 did not pass (ClusterNotApproved); HV04 not added;"
                + " read the report: C:\\Windows\\Cluster\\Reports\\hvcluster-add-node-");
        assertThat(build.dc.cluster("HVCL01").orElseThrow().node("HV04")).isEmpty();

        build.dc.requireHost("HV04").osBuild = build.dc.requireHost("HV01").osBuild;
        SimulatedBuild.Run again = build.run(CreateClusterStep.ID, "HV01");
        assertThat(again.result().exitCode()).isZero();
        assertThat(again.json().get("changes").get(0).asText()).isEqualTo("added HV04 to cluster HVCL01");
        assertThat(again.json().get("data").get("joinReportPath").asText()).startsWith("C:\\Windows\\Cluster\\Reports\\hvcluster-add-node-");
        assertThat(build.dc.nodeState(build.dc.cluster("HVCL01").orElseThrow().node("HV04").orElseThrow(), build.clock.now().toEpochMilli()))
                .isEqualTo("Up");
    }

    @Test
    void theScriptCapturesWarningsWaitsForUpAndValidatesBeforeAddClusterNode() {
        CreateClusterStep step = new CreateClusterStep();
        String text = SimulatedBuild.render(build.inventory, step, step.phases().get(0), build.inventory.firstNode());
        assertThat(text).contains("New-Cluster @NewClusterParameters -WarningVariable nw").contains("$HvcResult.data.reportPath = $reportPath")
                .contains("$joinFlags = Get-HvcValidationFlags -Text ([string]$w)");
        assertThat(text.indexOf("Test-Cluster -Node $Nodes")).isPositive().isLessThan(text.indexOf("Add-ClusterNode -Name $n"));
        assertThat(text.indexOf("Wait-HvcNodesUp -Names $Nodes")).isLessThan(text.indexOf("Add-HvcChange ('created cluster "));
    }
}
