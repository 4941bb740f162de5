package io.hvcluster.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.TargetOs;
import io.hvcluster.pipeline.Step;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.steps.ValidateClusterStep;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepWorkTest {

    @Test
    void everyStepOfThePipelineHasItsWorkDescribed() {
        for (boolean drain : new boolean[] {true, false}) {
            for (Step<?> step : StandardPipeline.create(drain).steps()) {
                assertThat(StepWork.knows(step.id())).as("StepWork describes %s", step.id()).isTrue();
            }
        }
    }

    @Test
    void aRestartIsShutdownPostBootAndServicesAndFeatureConfigurationWhenItFinishesAnInstall() {
        HardwareProfile p = HardwareProfile.rackServer();
        StepWork w = new StepWork(p, Spread.typical(), InventoryFixtures.fourNodes());
        Duration plain = p.shutdown().typical().plus(p.post().typical()).plus(p.osBoot().typical()).plus(p.servicesReady().typical());
        assertThat(w.restart("HV01", 1, false)).isEqualTo(plain).isEqualTo(p.typicalRestart());
        assertThat(w.restart("HV01", 1, true)).isEqualTo(plain.plus(p.featureConfiguration().typical()));
        assertThat(w.hyperVRestarts()).isEqualTo(2);
    }

    @Test
    void testClusterGrowsWithTheNodes() {
        HardwareProfile p = HardwareProfile.rackServer();
        Duration four = new StepWork(p, Spread.typical(), InventoryFixtures.fourNodes()).work(ValidateClusterStep.ID, "apply", "HV01", false);
        Duration sixteen = new StepWork(p, Spread.typical(), InventoryFixtures.nodes(16, TargetOs.WINDOWS_SERVER_2022))
                .work(ValidateClusterStep.ID, "apply", "HV01", false);
        assertThat(sixteen.minus(four)).isEqualTo(p.testClusterPerNode().typical().multipliedBy(12));
    }

    @Test
    void aScriptCostsTransportAuthenticationPowerShellModulesAndItsWork() {
        HardwareProfile p = HardwareProfile.rackServer();
        StepWork w = new StepWork(p, Spread.typical(), InventoryFixtures.fourNodes());
        Duration expected = p.winRmRoundTrip().typical().multipliedBy(StepWork.MIN_REQUESTS_PER_SCRIPT)
                .plus(p.authentication().typical()).plus(p.powerShellStart().typical()).plus(p.moduleImport().typical())
                .plus(p.installFailoverClustering().typical());
        assertThat(w.script("install-failover-clustering", "apply", "HV02", false)).isEqualTo(expected);
    }
}
