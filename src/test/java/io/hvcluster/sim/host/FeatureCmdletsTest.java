package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.steps.InstallFailoverClusteringStep;
import io.hvcluster.testing.InventoryFixtures;
import org.junit.jupiter.api.Test;

/** Install-WindowsFeature on the simulator, through install-failover-clustering's plan (docs/windows-behaviour.md). */
class FeatureCmdletsTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    @Test
    void installsTheFeatureAndItsModuleOnceWithoutARestart() {
        build.runBefore(InstallFailoverClusteringStep.ID);
        SimulatedBuild.Run r = build.run(InstallFailoverClusteringStep.ID, "HV02");
        assertThat(r.result().exitCode()).as(r.result().stdout()).isZero();
        assertThat(r.json().get("changes").get(0).asText()).isEqualTo("installed Failover-Clustering (Success)");
        assertThat(r.json().get("data").get("installStateBefore").asText()).isEqualTo("Available");
        assertThat(r.json().get("data").get("restartNeeded").asText()).isEqualTo("No");
        WindowsHost hv02 = build.dc.requireHost("HV02");
        assertThat(hv02.featureState("Failover-Clustering")).isEqualTo("Installed");
        assertThat(hv02.featureState("RSAT-Clustering-PowerShell")).isEqualTo("Installed");
        assertThat(r.json().get("warnings")).isEmpty();
        SimulatedBuild.Run again = build.run(InstallFailoverClusteringStep.ID, "HV02");
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(again.json().get("data").get("installStateBefore").asText()).isEqualTo("Installed");
    }

    @Test
    void withServicingPendingWindowsAsksForARestartAndTheFeatureWaitsForIt() {
        build.runBefore(InstallFailoverClusteringStep.ID);
        WindowsHost hv03 = build.dc.requireHost("HV03");
        hv03.faults.featureInstallNeedsRestart = true;
        SimulatedBuild.Run r = build.run(InstallFailoverClusteringStep.ID, "HV03");
        assertThat(r.result().exitCode()).as(r.result().stdout()).isZero();
        assertThat(r.json().get("changes").get(0).asText()).isEqualTo("installed Failover-Clustering (SuccessRestartRequired)");
        assertThat(r.json().get("data").get("restartNeeded").asText()).isEqualTo("Yes");
        assertThat(r.json().get("warnings").get(0).asText()).isEqualTo("Windows asks for a restart after installing Failover-Clustering");
        assertThat(hv03.featureState("Failover-Clustering")).isEqualTo("InstallPending");
        assertThat(hv03.pendingReboot()).isTrue();
        assertThat(hv03.clusterServiceStatus(false)).as("ClusSvc only exists once the feature is installed").isEmpty();
        assertThat(hv03.bootsToFinishFeatures).isEqualTo(1);
    }

    @Test
    void hyperVsPrerequisiteCheckRefusesACpuWithoutVirtualization() {
        build.runBefore("enable-hyper-v");
        WindowsHost hv01 = build.dc.requireHost("HV01");
        hv01.virtualizationFirmwareEnabled = false;
        hv01.hypervisorRunning = false;
        SimulatedBuild.Run r = build.run("enable-hyper-v", "HV01");
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).startsWith("A prerequisite check for the Hyper-V feature failed.")
                .contains("virtualization capabilities");
        assertThat(hv01.featureState("Hyper-V")).isEqualTo("Available");
        assertThat(r.json().get("data").get("rebootScheduled").asBoolean()).isFalse();
    }
}
