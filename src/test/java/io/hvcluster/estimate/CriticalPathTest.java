package io.hvcluster.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.InstallFailoverClusteringStep;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.steps.ValidateClusterStep;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CriticalPathTest {

    private static final Duration DELAY = Duration.ofSeconds(10);
    private final Inventory four = InventoryFixtures.fourNodes();

    /** Every step on every host it targets: a new, empty build. */
    static Set<String> everything(Inventory inv) {
        Set<String> todo = new LinkedHashSet<>();
        for (Step<?> s : StandardPipeline.create().steps()) {
            for (Host h : s.scope() == Scope.CLUSTER ? java.util.List.of(inv.firstNode()) : inv.hosts()) {
                todo.add(s.id() + "@" + h.name());
            }
        }
        return todo;
    }

    /** As {@link #everything}, with the storage already connected (Fibre Channel, or iSCSI done by hand). */
    static Set<String> everythingButStorage(Inventory inv) {
        Set<String> todo = everything(inv);
        todo.removeIf(t -> t.startsWith(io.hvcluster.steps.ConnectStorageStep.ID + "@"));
        return todo;
    }

    private Duration bound(HardwareProfile p, Set<String> todo, boolean parallel) {
        return new CriticalPath(four, StandardPipeline.create(!parallel), new StepWork(p, Spread.typical(), four), DELAY)
                .finish(todo, parallel, false);
    }

    @Test
    void parallelRestartsOverlapAndRollingOnesAddUp() {
        HardwareProfile p = Profiles.zeroExcept(Map.of("installHyperV", Duration.ofMinutes(2), "post", Duration.ofMinutes(5),
                "hyperVSecondRestartGap", Duration.ofSeconds(30)), true);
        Duration oneHost = Duration.ofMinutes(2).plus(DELAY).plus(Duration.ofMinutes(5)).plus(Duration.ofSeconds(30)).plus(Duration.ofMinutes(5));
        assertThat(bound(p, everythingButStorage(four), true)).isEqualTo(oneHost);
        assertThat(bound(p, everythingButStorage(four), false)).isEqualTo(oneHost.multipliedBy(4));
    }

    @Test
    void aNewIscsiBuildRestartsOnceWithMultipathIoAndHyperVOnEveryHostAtOnceEvenWhenRolling() {
        HardwareProfile p = Profiles.zeroExcept(Map.of("installHyperV", Duration.ofMinutes(2), "post", Duration.ofMinutes(5),
                "hyperVSecondRestartGap", Duration.ofSeconds(30)), true);
        Duration oneHost = Duration.ofMinutes(2).plus(DELAY).plus(Duration.ofMinutes(5)).plus(Duration.ofSeconds(30)).plus(Duration.ofMinutes(5));
        // Before the cluster exists there is nothing to drain: connect-storage's one restart (Hyper-V installed with
        // Multipath-IO) happens on every host at once, and enable-hyper-v then restarts nothing.
        assertThat(bound(p, everything(four), true)).isEqualTo(oneHost);
        assertThat(bound(p, everything(four), false)).isEqualTo(oneHost);
        CriticalPath path = new CriticalPath(four, StandardPipeline.create(), new StepWork(p, Spread.typical(), four), DELAY);
        assertThat(path.restarts(everything(four), "HV01")).isEqualTo(2);
        assertThat(path.restarts(everythingButStorage(four), "HV01")).isEqualTo(2);
    }

    @Test
    void withoutHyperVsSecondRestartOneRestartPerHost() {
        HardwareProfile p = Profiles.zeroExcept(Map.of("post", Duration.ofMinutes(5)), false);
        assertThat(bound(p, everything(four), true)).isEqualTo(DELAY.plus(Duration.ofMinutes(5)));
        CriticalPath cp = new CriticalPath(four, StandardPipeline.create(), new StepWork(p, Spread.typical(), four), DELAY);
        assertThat(cp.restarts(everything(four), "HV02")).isEqualTo(1);
    }

    @Test
    void aConvergedBuildCostsOnlyTheFactsProbe() {
        HardwareProfile p = HardwareProfile.rackServer();
        StepWork w = new StepWork(p, Spread.typical(), four);
        assertThat(bound(p, Set.of(), true)).isEqualTo(w.script(FactsProbe.ID, "probe", "HV01", false));
    }

    @Test
    void aClusterStepWaitsForTheSlowestHostButOtherHostsDoNotWaitForEachOther() {
        HardwareProfile p = Profiles.zeroExcept(Map.of("installFailoverClustering", Duration.ofMinutes(1),
                "testClusterBase", Duration.ofMinutes(3)), true);
        Set<String> todo = Set.of(InstallFailoverClusteringStep.ID + "@HV03", ValidateClusterStep.ID + "@HV01");
        // Only HV03 installs; validation (a cluster step) waits for it.
        assertThat(bound(p, todo, true)).isEqualTo(Duration.ofMinutes(4));
        // Without the validation, the build ends when HV03 is done.
        assertThat(bound(p, Set.of(InstallFailoverClusteringStep.ID + "@HV03"), true)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void restartsOnlyWhereHyperVIsToBeEnabled() {
        HardwareProfile p = HardwareProfile.rackServer();
        CriticalPath cp = new CriticalPath(four, StandardPipeline.create(), new StepWork(p, Spread.typical(), four), DELAY);
        Set<String> todo = Set.of(EnableHyperVStep.ID + "@HV01");
        assertThat(cp.restarts(todo, "HV01")).isEqualTo(2);
        assertThat(cp.restarts(todo, "HV02")).isZero();
    }

    @Test
    void theRunnersProbesMakeTheEstimateLongerThanTheBound() {
        HardwareProfile p = HardwareProfile.rackServer();
        CriticalPath cp = new CriticalPath(four, StandardPipeline.create(false), new StepWork(p, Spread.typical(), four), DELAY);
        Duration bound = cp.finish(everything(four), true, false);
        Duration withProbes = cp.finish(everything(four), true, true);
        assertThat(withProbes).isGreaterThan(bound);
        assertThat(withProbes.toMillis()).isLessThan((long) (bound.toMillis() * 1.10));
    }
}
