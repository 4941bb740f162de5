package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.PrepareSharedDisksStep;
import io.hvcluster.testing.InventoryFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The shared disks as real hardware has them: new LUNs RAW, prepared once by prepare-shared-disks, a disk with
 * partitions never formatted, and a cluster node's Get-Disk listing the other nodes' disks without a Number.
 */
class SharedDisksTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    private SimulatedBuild with(UnaryOperator<DatacenterBuilder> knobs) {
        return new SimulatedBuild(build.inventory, knobs.apply(DatacenterBuilder.fresh(build.inventory).domainPassword(SimulatedBuild.PASSWORD)).build());
    }

    private static SimDisk disk(SimulatedBuild b, String serial) {
        return b.dc.disks.stream().filter(d -> d.serial.equals(serial)).findFirst().orElseThrow();
    }

    private static String error(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as("exit code of " + r).isEqualTo(1);
        return r.json().get("error").asText();
    }

    private static List<String> warnings(SimulatedBuild.Run r) {
        assertThat(r.result().exitCode()).as(r.toString()).isZero();
        return java.util.stream.StreamSupport.stream(r.json().get("warnings").spliterator(), false).map(n -> n.asText()).toList();
    }

    private static Map<String, HostFacts> facts(SimulatedBuild b) {
        Map<String, HostFacts> all = new LinkedHashMap<>();
        for (Host h : b.inventory.hosts()) {
            all.put(h.name(), new FactsParser().parse(h.name(), b.probe(h.name())));
        }
        return all;
    }

    private static StepPlan plan(SimulatedBuild b) {
        Host first = b.inventory.firstNode();
        return new PrepareSharedDisksStep().diff(first, new FactsView(b.inventory, facts(b)));
    }

    @Test
    void freshLunsAreRawWithoutGuidSignaturePartitionOrVolume() {
        for (String serial : List.of("WITNESS-01", "CSV-01", "CSV-02")) {
            SimDisk d = disk(build, serial);
            assertThat(d.partitionStyle).isEqualTo("RAW");
            assertThat(d.guid).isEmpty();
            assertThat(d.signature).isZero();
            assertThat(d.partitions).isZero();
            assertThat(d.fileSystem).isEmpty();
        }
    }

    @Test
    void rawLunsArePreparedOnceAndARunAfterwardsPlansAndChangesNothing() {
        build.runBefore("prepare-shared-disks");
        StepPlan before = plan(build);
        assertThat(before.changes()).extracting(Change::action).containsOnly(Action.FORMAT).hasSize(3);
        assertThat(before.changes().get(1).object()).isEqualTo("disk 'CSV1' (serial CSV-01, 2048 GB, RAW)");

        SimulatedBuild.Run first = build.run("prepare-shared-disks", "HV01");
        assertThat(first.changed()).isTrue();
        for (String[] d : new String[][] {{"WITNESS-01", "Witness"}, {"CSV-01", "CSV1"}, {"CSV-02", "CSV2"}}) {
            SimDisk disk = disk(build, d[0]);
            assertThat(disk.partitionStyle).isEqualTo("GPT");
            assertThat(disk.guid).isNotEmpty();
            assertThat(disk.partitions).isEqualTo(1);
            assertThat(disk.fileSystem).isEqualTo("NTFS");
            assertThat(disk.volumeLabel).isEqualTo(d[1]);
            assertThat(disk.onlineOn).containsExactly("HV01");
        }
        assertThat(plan(build).inDesiredState()).as(plan(build).toString()).isTrue();
        SimulatedBuild.Run again = build.run("prepare-shared-disks", "HV01");
        assertThat(again.changed()).isFalse();
        assertThat(warnings(again)).isEmpty();
    }

    @Test
    void aDiskWithPartitionsIsNeverFormatted() {
        SimulatedBuild b = with(k -> k.partitionedDisk("CSV1", 2, "NTFS", "Old data"));
        b.runBefore("prepare-shared-disks");
        String guid = disk(b, "CSV-01").guid;
        assertThat(plan(b).problems()).singleElement().asString().contains("already holds 2 partitions", "Clear-Disk -Number 2 -RemoveData");
        assertThat(plan(b).changes()).noneMatch(c -> c.object().contains("CSV1") && c.action() == Action.FORMAT);

        assertThat(error(b.run("prepare-shared-disks", "HV01"))).isEqualTo("disk 'CSV1' (serial CSV-01) already holds 2 partitions; a shared "
                + "disk needs exactly one volume and hvcluster never changes a disk that has partitions: if its data is not needed, erase "
                + "it on this node with Clear-Disk -Number 2 -RemoveData -RemoveOEM -Confirm:$false (the disk becomes RAW) and run apply "
                + "again to prepare it; otherwise present another LUN");
        SimDisk d = disk(b, "CSV-01");
        assertThat(d.partitions).isEqualTo(2);
        assertThat(d.volumeLabel).isEqualTo("Old data");
        assertThat(d.guid).isEqualTo(guid);
    }

    @Test
    void aPartitionWithoutAFileSystemIsNeverFormattedEither() {
        SimulatedBuild b = with(k -> k.partitionedDisk("CSV2", 1, "", ""));
        b.runBefore("prepare-shared-disks");
        assertThat(error(b.run("prepare-shared-disks", "HV01"))).startsWith("disk 'CSV2' (serial CSV-02) holds a partition without a file system");
        assertThat(disk(b, "CSV-02").fileSystem).isEmpty();
    }

    @Test
    void anotherFileSystemIsAnErrorWhoseFixKeepsTheDiskThroughTheInventory() {
        SimulatedBuild b = with(k -> k.partitionedDisk("CSV1", 1, "ReFS", "CSV1"));
        b.runBefore("prepare-shared-disks");
        assertThat(error(b.run("prepare-shared-disks", "HV01"))).startsWith("disk 'CSV1' (serial CSV-01) has a ReFS volume, the inventory says NTFS: "
                + "write fileSystem: ReFS for this disk in the inventory to keep it, or if its data is not needed");
        assertThat(disk(b, "CSV-01").fileSystem).isEqualTo("ReFS");
    }

    @Test
    void anMbrCsvIsAnErrorWhoseFixMakesTheDiskRawAndNeverPromisesGpt() {
        SimulatedBuild b = with(k -> k.mbrDisk("CSV1"));
        b.runBefore("prepare-shared-disks");
        assertThat(plan(b).problems()).singleElement().asString().startsWith("disk 'CSV1' (serial CSV-01) is partitioned MBR");
        String e = error(b.run("prepare-shared-disks", "HV01"));
        assertThat(e).startsWith("disk 'CSV1' (serial CSV-01) is partitioned MBR; a Cluster Shared Volume needs GPT")
                .contains("Clear-Disk -Number 2 -RemoveData -RemoveOEM -Confirm:$false (the disk becomes RAW)")
                .doesNotContain("initialized as GPT");
        assertThat(disk(b, "CSV-01").partitionStyle).isEqualTo("MBR");
    }

    @Test
    void anMbrWitnessIsUsedAsItIs() {
        SimulatedBuild b = with(k -> k.mbrDisk("Witness"));
        b.runBefore("prepare-shared-disks");
        SimulatedBuild.Run r = b.run("prepare-shared-disks", "HV01");
        assertThat(warnings(r)).isEmpty();
        assertThat(disk(b, "WITNESS-01").partitionStyle).isEqualTo("MBR");
    }

    @Test
    void aLabelOtherThanTheInventorysIsAWarningThatNamesTheDisk() {
        SimulatedBuild b = with(k -> k.partitionedDisk("CSV2", 1, "NTFS", "Data"));
        b.runBefore("prepare-shared-disks");
        assertThat(warnings(b.run("prepare-shared-disks", "HV01"))).containsExactly("disk 'CSV2' (serial CSV-02) has volume label 'Data', "
                + "not the inventory's; it is used as it is (the cluster resource is still named 'CSV2'); to relabel it: "
                + "Set-Volume -FileSystemLabel 'Data' -NewFileSystemLabel 'CSV2'");
        assertThat(disk(b, "CSV-02").volumeLabel).isEqualTo("Data");
    }

    @Test
    void aClusterNodesGetDiskListsTheOtherNodesDisksWithoutANumberAndNothingCountsThemTwice() {
        build.runBefore("configure-quorum");
        List<GetDisk.Listed> all = GetDisk.of(build.dc, "HV01");
        assertThat(all.stream().filter(l -> l.disk().serial.equals("CSV-01"))).hasSize(4)
                .filteredOn(l -> l.number().isPresent()).hasSize(1);
        assertThat(all).filteredOn(l -> l.number().isEmpty()).hasSize(3 * 4);
        // The probe and the steps see each LUN once (Get-HvcLocalDisk keeps the disks with a Number).
        HostFacts f = facts(build).get("HV01");
        assertThat(f.disks()).extracting(HostFacts.Disk::serial).containsExactly("BOOT-HV01", "WITNESS-01", "CSV-01", "CSV-02");
        assertThat(build.run("configure-quorum", "HV01").result().exitCode()).isZero();
        build.runBefore("add-shared-volumes");
        SimulatedBuild.Run csv = build.run("add-shared-volumes", "HV01");
        assertThat(csv.result().exitCode()).as(csv.toString()).isZero();
        assertThat(build.dc.clusterOf("HV01").orElseThrow().sharedVolumes).hasSize(2);
    }

    @Test
    void aRawDiskCannotBeAddedToTheClusterAndTheErrorSaysWhatToRun() {
        build.runBefore("configure-quorum");
        SimDisk w = disk(build, "WITNESS-01");
        w.partitionStyle = "RAW";
        w.guid = "";
        w.partitions = 0;
        assertThat(error(build.run("configure-quorum", "HV01")))
                .isEqualTo("disk WITNESS-01 is not initialized (partition style RAW) on HV01; run the prepare-shared-disks step first "
                        + "(hvcluster apply runs it before validation)");
    }
}
