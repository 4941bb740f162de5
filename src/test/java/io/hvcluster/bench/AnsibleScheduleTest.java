package io.hvcluster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.estimate.HardwareProfile;
import io.hvcluster.estimate.Spread;
import io.hvcluster.estimate.StepWork;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.RenameAdaptersStep;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.testing.InventoryFixtures;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnsibleScheduleTest {

    private final HardwareProfile profile = HardwareProfile.rackServer();

    private Duration finish(Inventory inv, Set<String> todo) {
        return new AnsibleSchedule(inv, StandardPipeline.create(true), new StepWork(profile, Spread.typical(), inv)).finish(todo);
    }

    private static Set<String> hosts(Inventory inv, String step) {
        Set<String> todo = new LinkedHashSet<>();
        inv.hosts().forEach(h -> todo.add(step + "@" + h.name()));
        return todo;
    }

    @Test
    void fiveForksRunATaskInBatchesAndTheNextTaskWaitsForEveryHost() {
        Inventory five = InventoryFixtures.nodes(5, TargetOs.WINDOWS_SERVER_2022);
        Inventory six = InventoryFixtures.nodes(6, TargetOs.WINDOWS_SERVER_2022);
        StepWork w = new StepWork(profile, Spread.typical(), six);
        Duration rename = w.script(RenameAdaptersStep.ID, "apply", "HV01", true);
        Duration check = w.overhead(RenameAdaptersStep.ID, "apply", "HV01", StepWork.MIN_REQUESTS_PER_SCRIPT);
        // A sixth host waits for a free fork: one more round of the task (its own change).
        Duration delta = finish(six, hosts(six, RenameAdaptersStep.ID)).minus(finish(five, hosts(five, RenameAdaptersStep.ID)));
        Duration noRename = finish(six, Set.of()).minus(finish(five, Set.of()));
        assertThat(delta.minus(noRename)).isEqualTo(rename.minus(check));
    }

    @Test
    void restartsGoOneHostAtATime() {
        Inventory four = InventoryFixtures.fourNodes();
        StepWork w = new StepWork(profile, Spread.typical(), four);
        Duration one = finish(four, Set.of(EnableHyperVStep.ID + "@HV01"));
        Duration all = finish(four, hosts(four, EnableHyperVStep.ID));
        Duration perHost = one.minus(finish(four, Set.of()));
        assertThat(all.minus(finish(four, Set.of()))).isEqualTo(perHost.multipliedBy(4));
        assertThat(perHost).isGreaterThan(w.restart("HV01", 1, true).plus(w.restart("HV01", 2, false)));
    }

    @Test
    void factsAreGatheredAtTheStartOfEachPlay() {
        Inventory four = InventoryFixtures.fourNodes();
        StepWork w = new StepWork(profile, Spread.typical(), four);
        Duration facts = w.script(FactsProbe.ID, "probe", "HV01", false);
        // Nothing to change still costs the facts of three plays (all, 4 × serial, all) and every module's check.
        assertThat(finish(four, Set.of())).isGreaterThan(facts.multipliedBy(2 + 4));
    }
}
