package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.AddSharedVolumesStep;
import io.hvcluster.testing.InventoryFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 6: an offline CSV has no SharedVolumeInfo; indexing it ("Cannot index into a null array") used to
 * blank the facts' whole cluster section. It is a finding with its fix instead.
 */
class RealWindowsCsvTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    private SimulatedCluster.SharedVolume offlineCsv() {
        build.runBefore(AddSharedVolumesStep.ID);
        assertThat(build.run(AddSharedVolumesStep.ID, "HV01").result().exitCode()).isZero();
        SimulatedCluster.SharedVolume csv = build.dc.cluster("HVCL01").orElseThrow().sharedVolumes.get(0);
        csv.state = "Offline";
        return csv;
    }

    @Test
    void theFactsKeepTheClusterSectionAndShowTheCsvOffline() {
        SimulatedCluster.SharedVolume csv = offlineCsv();
        HostFacts f = new FactsParser().parse("HV01", build.probe("HV01"));
        assertThat(f.errors()).isEmpty();
        assertThat(f.cluster().member()).isTrue();
        assertThat(f.cluster().nodes()).hasSize(4);
        assertThat(f.cluster().sharedVolumes()).filteredOn(v -> v.name().equals(csv.name)).singleElement()
                .satisfies(v -> {
                    assertThat(v.state()).isEqualTo("Offline");
                    assertThat(v.path()).isEmpty();
                });
    }

    @Test
    void thePlanAndTheStepReportTheOfflineCsvWithItsFix() {
        SimulatedCluster.SharedVolume csv = offlineCsv();
        HostFacts f = new FactsParser().parse("HV01", build.probe("HV01"));
        StepPlan plan = new AddSharedVolumesStep().diff(build.inventory.firstNode(), new FactsView(build.inventory, Map.of("HV01", f)));
        String fix = "bring it online (Start-ClusterResource -Name '" + csv.name + "'), then run again";
        assertThat(plan.problems()).anyMatch(p -> p.contains("is Offline") && p.contains(fix));

        SimulatedBuild.Run r = build.run(AddSharedVolumesStep.ID, "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).endsWith("is Offline: " + fix);
    }

    @Test
    void theScriptsNeverIndexAMissingSharedVolumeInfo() {
        AddSharedVolumesStep step = new AddSharedVolumesStep();
        String text = SimulatedBuild.render(build.inventory, step, step.phases().get(0), build.inventory.firstNode());
        assertThat(text).doesNotContain("SharedVolumeInfo[0]").contains("if ($csv[0].SharedVolumeInfo)");
        assertThat(build.probe("HV01")).isNotEmpty();
        String probe = SimulatedBuild.RENDERER.render(io.hvcluster.facts.FactsProbe.TEMPLATE,
                new io.hvcluster.render.ScriptHeader(io.hvcluster.facts.FactsProbe.ID, "probe", "HV01", "lab.yaml", "test",
                        io.hvcluster.facts.FactsProbe.parameters(build.inventory, build.inventory.firstNode())),
                io.hvcluster.facts.FactsProbe.parameters(build.inventory, build.inventory.firstNode()));
        assertThat(probe).doesNotContain("SharedVolumeInfo[0]").contains("if ($_.SharedVolumeInfo)");
    }
}
