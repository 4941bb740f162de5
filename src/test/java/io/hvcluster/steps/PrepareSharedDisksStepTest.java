package io.hvcluster.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The step's diff: FORMAT only for RAW disks, named by serial and size; problems for disks it never changes. */
class PrepareSharedDisksStepTest {

    private final Inventory inv = InventoryFixtures.fourNodes();
    private final PrepareSharedDisksStep step = new PrepareSharedDisksStep();

    private StepPlan diff(Map<String, HostFacts> facts) {
        return step.diff(inv.firstNode(), new FactsView(inv, facts));
    }

    private Map<String, HostFacts> firstNodeDisk(String serial, UnaryOperator<HostFacts.Disk> change) {
        return FactsFixtures.withHost(FactsFixtures.fresh(inv), "HV01", h -> FactsFixtures.withDisks(h,
                h.disks().stream().map(d -> d.serial().equals(serial) ? change.apply(d) : d).toList()));
    }

    private static HostFacts.Disk layout(HostFacts.Disk d, String style, boolean offline, int partitions, String fs, String label) {
        return new HostFacts.Disk(d.number(), d.serial(), d.uniqueId(), style.equals("GPT") ? "6A1B2C3D-0000-0000-0000-000000000001" : "",
                style.equals("MBR") ? 1234 : 0, style, d.sizeBytes(), false, offline, false, d.busType(), false, partitions, fs, label);
    }

    @Test
    void rawLunsAreFormattedAndThePlanNamesEachBySerialAndSize() {
        StepPlan p = diff(FactsFixtures.fresh(inv));
        assertThat(p.problems()).isEmpty();
        assertThat(p.changes()).extracting(Change::action).containsOnly(Action.FORMAT);
        assertThat(p.changes()).extracting(ChangeText::line).containsExactly(
                "!! FORMAT disk 'Witness' (serial WITNESS-01, 1 GB, RAW): initialize GPT, one partition, NTFS volume 'Witness'",
                "!! FORMAT disk 'CSV1' (serial CSV-01, 1024 GB, RAW): initialize GPT, one partition, NTFS volume 'CSV1'",
                "!! FORMAT disk 'CSV2' (serial CSV-02, 1024 GB, RAW): initialize GPT, one partition, NTFS volume 'CSV2'");
    }

    @Test
    void disksTheClusterHoldsAreLeftAlone() {
        assertThat(diff(FactsFixtures.converged(inv)).inDesiredState()).isTrue();
    }

    @Test
    void aPreparedDiskOfflineOnTheFirstNodeIsOnlyBroughtOnline() {
        StepPlan p = diff(firstNodeDisk("CSV-01", d -> layout(d, "GPT", true, 1, "", "")));
        assertThat(p.changes()).filteredOn(c -> c.object().contains("CSV1")).extracting(ChangeText::line)
                .containsExactly("~ disk 'CSV1' (serial CSV-01, 1024 GB): offline → online");
    }

    @Test
    void aGptDiskWithOnlyTheReservedPartitionGetsItsVolume() {
        StepPlan p = diff(firstNodeDisk("CSV-01", d -> layout(d, "GPT", false, 0, "", "")));
        assertThat(p.changes()).filteredOn(c -> c.object().contains("CSV1")).extracting(ChangeText::line)
                .containsExactly("!! FORMAT disk 'CSV1' (serial CSV-01, 1024 GB, GPT, no partition): one partition, NTFS volume 'CSV1'");
    }

    @Test
    void aDiskWithPartitionsIsAProblemNeverAFormat() {
        StepPlan p = diff(firstNodeDisk("CSV-02", d -> layout(d, "GPT", false, 3, "NTFS", "Data")));
        assertThat(p.changes()).noneMatch(c -> c.object().contains("CSV2"));
        assertThat(p.problems()).singleElement().asString().startsWith("disk 'CSV2' (serial CSV-02) already holds 3 partitions")
                .contains("Clear-Disk -Number 3 -RemoveData -RemoveOEM");
    }

    @Test
    void anMbrCsvIsAProblemAnMbrWitnessIsFine() {
        StepPlan csv = diff(firstNodeDisk("CSV-01", d -> layout(d, "MBR", false, 1, "NTFS", "CSV1")));
        assertThat(csv.problems()).singleElement().asString().startsWith("disk 'CSV1' (serial CSV-01) is partitioned MBR; a Cluster Shared Volume needs GPT");
        StepPlan witness = diff(firstNodeDisk("WITNESS-01", d -> layout(d, "MBR", false, 1, "NTFS", "Witness")));
        assertThat(witness.problems()).isEmpty();
        assertThat(witness.changes()).noneMatch(c -> c.object().contains("Witness"));
    }

    @Test
    void aVolumeOfAnotherFileSystemIsAProblemALabelIsNot() {
        StepPlan fat = diff(firstNodeDisk("CSV-01", d -> layout(d, "GPT", false, 1, "FAT32", "CSV1")));
        assertThat(fat.problems()).singleElement().asString().startsWith("disk 'CSV1' (serial CSV-01) has a FAT32 volume, the inventory says NTFS: "
                + "a shared disk needs NTFS or ReFS;");
        // A different label is the script's (and the preflight's) warning; nothing to change.
        StepPlan label = diff(firstNodeDisk("CSV-01", d -> layout(d, "GPT", false, 1, "NTFS", "Data")));
        assertThat(label.problems()).isEmpty();
        assertThat(label.changes()).noneMatch(c -> c.object().contains("CSV1"));
    }
}
