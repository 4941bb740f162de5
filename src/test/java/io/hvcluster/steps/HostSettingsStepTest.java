package io.hvcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 item 13: the plan shows each host setting as a typed change, before → after. */
class HostSettingsStepTest {

    private static final Inventory INV = InventoryFixtures.fourNodes();
    private final HostSettingsStep step = new HostSettingsStep();

    private StepPlan diff(String host, Map<String, HostFacts> facts) {
        return step.diff(INV.host(host).orElseThrow(), new FactsView(INV, facts));
    }

    private static Map<String, HostFacts> settings(String host, HostFacts.HostSettings s) {
        return FactsFixtures.withHost(FactsFixtures.converged(INV), host, f -> new HostFacts(f.probe(), f.computerName(), f.errors(),
                f.os(), f.cpu(), f.system(), f.features(), f.adapters(), f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(),
                f.pausedByHvcluster(), f.validationMark(), s, null, null));
    }

    @Test
    void convergedHostsPlanNothing() {
        for (var h : INV.hosts()) {
            assertThat(diff(h.name(), FactsFixtures.converged(INV)).inDesiredState()).as(h.name()).isTrue();
        }
    }

    @Test
    void eachMissingExclusionIsOneAdd() {
        HostFacts.HostSettings s = new HostFacts.HostSettings("Normal", List.of("c:\\clusterstorage"), List.of(".vhdx"), List.of(),
                "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V", "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks", false, 2,
                "Compression", "CredSSP", 0);
        List<String> lines = diff("HV02", settings("HV02", s)).changes().stream().map(ChangeText::line).toList();
        assertThat(lines).contains("+ Defender exclusion path: %ProgramData%\\Microsoft\\Windows\\Hyper-V",
                "+ Defender exclusion extension: avhdx", "+ Defender exclusion process: %SystemRoot%\\System32\\Vmms.exe");
        assertThat(lines).noneMatch(l -> l.endsWith(": C:\\ClusterStorage") || l.endsWith("extension: vhdx"));
        assertThat(lines).hasSize(HostSettingsStep.PATHS.size() - 1 + HostSettingsStep.EXTENSIONS.size() - 1 + 4);
    }

    @Test
    void aPassiveDefenderPlansNoExclusions() {
        HostFacts.HostSettings s = new HostFacts.HostSettings("Passive Mode", List.of(), List.of(), List.of(),
                "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V", "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks", false, 2,
                "Compression", "CredSSP", 0);
        assertThat(diff("HV02", settings("HV02", s)).inDesiredState()).isTrue();
    }

    @Test
    void theDefaultsLeaveWindowsSettingsAlone() {
        HostSettingsStep.Params p = step.parameters(INV, INV.firstNode());
        assertThat(p.virtualMachinePath()).isEmpty();
        assertThat(p.maximumMigrations()).isZero();
        assertThat(p.csvBlockCacheMb()).isEqualTo(-1);
        assertThat(p.exclusionExtensions()).containsExactlyElementsOf(HostSettingsStep.EXTENSIONS);
    }

    @Test
    void hyperVInstalledWithVmmsStoppedIsAProblemButHyperVStillToComeIsNot() {
        Map<String, HostFacts> stopped = FactsFixtures.withHost(FactsFixtures.converged(INV), "HV03",
                f -> FactsFixtures.withHyperV(f, new HostFacts.HyperV("Stopped", f.hyperV().switches(), f.hyperV().hostVlans())));
        assertThat(diff("HV03", stopped).problems()).containsExactly("Hyper-V is not running on HV03 (enable-hyper-v runs first)");
        // On a fresh host enable-hyper-v installs Hyper-V before this step: the plan is not blocked for it.
        assertThat(diff("HV03", FactsFixtures.fresh(INV)).problems()).isEmpty();
    }

    @Test
    void eachChangeNamesTheCmdletThatMakesIt() {
        HostFacts.HostSettings s = new HostFacts.HostSettings("Normal", List.of(), List.of(), List.of(),
                "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V", "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks", false, 2,
                "Compression", "CredSSP", 0);
        StepPlan plan = diff("HV02", settings("HV02", s));
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.operation()).as(ChangeText.line(c)).isPresent());
        assertThat(plan.changes().get(0).operation().orElseThrow())
                .isEqualTo(new io.hvcluster.windows.AddMpPreference(io.hvcluster.windows.AddMpPreference.Exclusion.PATH,
                        "%ProgramData%\\Microsoft\\Windows\\Hyper-V"));
    }
}
