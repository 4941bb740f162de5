package io.hvcluster.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildEstimateTest {

    private final Inventory four = InventoryFixtures.fourNodes();

    @Test
    void aNewParallelBuildNamesItsRestartsAndWhatRollingWouldCost() {
        // Storage connected already (with iSCSI, Hyper-V's restart comes with Multipath-IO's, before the cluster exists).
        BuildEstimate e = BuildEstimate.of(four, CriticalPathTest.everythingButStorage(four), true, HardwareProfile.rackServer());
        assertThat(e.rolling()).isGreaterThan(e.duration().multipliedBy(2));
        assertThat(e.line()).startsWith("estimate: about ").containsPattern("estimate: about \\d+ min \\(up to \\d+ min\\), 1 restart per host \\(Hyper-V then restarts once more by itself\\); rolling would take about \\d+ h");
        assertThat(e.upTo()).isGreaterThan(e.duration());
    }

    @Test
    void aNewIscsiBuildRestartsBeforeTheClusterExistsSoRollingCostsNothingMore() {
        BuildEstimate e = BuildEstimate.of(four, CriticalPathTest.everything(four), true, HardwareProfile.rackServer());
        assertThat(e.line()).contains("1 restart per host", "before the cluster exists, so rolling would take no longer")
                .doesNotContain("rolling would take about");
    }

    @Test
    void aRollingBuildSaysOneHostAtATime() {
        BuildEstimate e = BuildEstimate.of(four, CriticalPathTest.everything(four), false, HardwareProfile.rackServer());
        assertThat(e.rolling()).isEqualTo(e.duration());
        assertThat(e.line()).contains("1 restart per host").contains("one host at a time").doesNotContain("rolling would take");
    }

    @Test
    void aConvergedBuildNeedsNoRestartAndHardlyAnyTime() {
        BuildEstimate e = BuildEstimate.of(four, Set.of(), true, HardwareProfile.rackServer());
        assertThat(e.line()).isEqualTo("estimate: under a minute, no restart (rack-server timings, docs/performance.md)");
    }

    @Test
    void restartsOnSomeHostsAreCounted() {
        BuildEstimate e = BuildEstimate.of(four, Set.of(EnableHyperVStep.ID + "@HV02"), true, HardwareProfile.rackServer());
        assertThat(e.line()).contains("1 restart on 1 of 4 hosts");
    }

    @Test
    void theMedianBuildIsSlowerThanTheTypicalFiguresBecauseTheSlowestHostSetsThePace() {
        Inventory sixteen = InventoryFixtures.nodes(16, io.hvcluster.inventory.TargetOs.WINDOWS_SERVER_2022);
        BuildEstimate e = BuildEstimate.of(sixteen, CriticalPathTest.everything(sixteen), true, HardwareProfile.rackServer());
        java.time.Duration typical = new CriticalPath(sixteen, io.hvcluster.steps.StandardPipeline.create(false),
                new StepWork(HardwareProfile.rackServer(), Spread.typical(), sixteen), BuildEstimate.RESTART_DELAY)
                .finish(CriticalPathTest.everything(sixteen), true, true);
        assertThat(e.duration()).isGreaterThan(typical);
        assertThat(e.upTo()).isGreaterThanOrEqualTo(e.duration());
    }

    @Test
    void durationsReadAsAnAdminBooksAWindow() {
        assertThat(BuildEstimate.about(Duration.ofSeconds(59))).isEqualTo("under a minute");
        assertThat(BuildEstimate.about(Duration.ofSeconds(38 * 60 + 20))).isEqualTo("about 38 min");
        assertThat(BuildEstimate.about(Duration.ofSeconds(59 * 60 + 40))).isEqualTo("about 1 h");
        assertThat(BuildEstimate.about(Duration.ofMinutes(4 * 60 + 38))).isEqualTo("about 4 h 40 min");
        assertThat(BuildEstimate.about(Duration.ofMinutes(2 * 60 + 1))).isEqualTo("about 2 h");
    }
}
