package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.AddSharedVolumesStep;
import io.hvcluster.steps.DiskRef;
import io.hvcluster.steps.PrepareSharedDisksStep;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.windows.FormatVolume;
import io.hvcluster.windows.InOrder;
import io.hvcluster.windows.InitializeDisk;
import io.hvcluster.windows.NewPartition;
import io.hvcluster.windows.SetDiskIsOffline;
import io.hvcluster.windows.WindowsOp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared-disk steps simulated from their plans: each change names the cmdlets its script runs, and the simulator's
 * models of those cmdlets keep Windows' own refusals, whatever a plan asks.
 */
class StorageCmdletsTest {

    private final SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());

    private static SimDisk disk(SimulatedBuild b, String serial) {
        return b.dc.disks.stream().filter(d -> d.serial.equals(serial)).findFirst().orElseThrow();
    }

    private static int number(SimulatedBuild b, String host, String serial) {
        return GetDisk.local(b.dc, host).stream().filter(l -> l.disk().serial.equals(serial)).findFirst().orElseThrow().number().orElseThrow();
    }

    private static StepRun run(SimulatedBuild b, String host) {
        return new StepRun(b.dc, b.dc.requireHost(host), "test", "apply", "", Map.of(), Instant.parse("2026-03-02T08:00:00Z"));
    }

    private static FactsView view(SimulatedBuild b) {
        Map<String, HostFacts> all = new LinkedHashMap<>();
        for (Host h : b.inventory.hosts()) {
            all.put(h.name(), new FactsParser().parse(h.name(), b.probe(h.name())));
        }
        return new FactsView(b.inventory, all);
    }

    @Test
    void aRawDiskIsPreparedByTheCmdletsItsFormatChangeNamesInTheScriptsOrder() {
        build.runBefore(PrepareSharedDisksStep.ID);
        int n = number(build, "HV01", "CSV-01");
        StepPlan plan = new PrepareSharedDisksStep().diff(build.inventory.firstNode(), view(build));
        Change csv1 = plan.changes().stream().filter(c -> c.object().startsWith("disk 'CSV1'")).findFirst().orElseThrow();
        assertThat(csv1.action()).isEqualTo(Action.FORMAT);
        List<WindowsOp> ops = ((InOrder) csv1.operation().orElseThrow()).ops();
        // A shared LUN starts offline (SAN policy OfflineShared): online first, then Initialize-Disk | New-Partition | Format-Volume.
        assertThat(ops).containsExactly(new SetDiskIsOffline(n, false), new InitializeDisk(n, "GPT"), new NewPartition(n),
                new FormatVolume(n, "NTFS", "CSV1"));

        SimulatedBuild.Run r = build.run(PrepareSharedDisksStep.ID, "HV01");
        assertThat(r.result().exitCode()).as(r.toString()).isZero();
        SimDisk d = disk(build, "CSV-01");
        assertThat(d.partitionStyle).isEqualTo("GPT");
        assertThat(d.guid).isNotEmpty();
        assertThat(d.partitions).isEqualTo(1);
        assertThat(d.fileSystem).isEqualTo("NTFS");
        assertThat(d.volumeLabel).isEqualTo("CSV1");
        assertThat(d.onlineOn).contains("HV01");
        assertThat(new PrepareSharedDisksStep().diff(build.inventory.firstNode(), view(build)).inDesiredState()).isTrue();
    }

    @Test
    void initializeDiskRefusesADiskThatIsNotRawWhateverItIsAsked() {
        build.runBefore(PrepareSharedDisksStep.ID);
        build.run(PrepareSharedDisksStep.ID, "HV01");
        SimDisk d = disk(build, "CSV-01");
        String guid = d.guid;
        InitializeDisk again = new InitializeDisk(number(build, "HV01", "CSV-01"), "GPT");
        assertThatThrownBy(() -> Cmdlets.apply(run(build, "HV01"), again)).isInstanceOf(StepFailure.class)
                .hasMessage("The disk has already been initialized.");
        assertThat(d.guid).as("the partition table is untouched").isEqualTo(guid);
        assertThat(d.partitions).isEqualTo(1);
    }

    @Test
    void newPartitionNeedsTheDiskOnlineHereAndFormatNeedsAPartition() {
        build.runBefore(PrepareSharedDisksStep.ID);
        int n = number(build, "HV01", "CSV-02");
        SimDisk d = disk(build, "CSV-02");
        d.partitionStyle = "GPT";
        d.guid = "5c1f6a51-9bd7-4c21-8f3b-0d9e3b4f0a10";
        assertThatThrownBy(() -> Cmdlets.apply(run(build, "HV01"), new NewPartition(n))).isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("The disk is offline.");
        assertThatThrownBy(() -> Cmdlets.apply(run(build, "HV01"), new FormatVolume(n, "NTFS", "CSV2"))).isInstanceOf(StepFailure.class)
                .hasMessageContaining("No MSFT_Partition objects found");
        assertThat(d.partitions).isZero();
        assertThat(d.fileSystem).isEmpty();
    }

    @Test
    void theWitnessIsFoundByTheOneDiskMatcherEvenWrittenInAnotherCase() {
        build.runBefore(AddSharedVolumesStep.ID);
        var params = new AddSharedVolumesStep.Params(List.of(new DiskRef("W", "witness-01", "")), new DiskRef("Witness", "WITNESS-01", ""));
        SimulatedBuild.Run r = build.runWith(AddSharedVolumesStep.ID, "apply", "HV01", params);
        assertThat(r.result().exitCode()).isEqualTo(1);
        assertThat(r.json().get("error").asText()).isEqualTo("disk 'W' is the witness disk; a witness never becomes a Cluster Shared Volume");
        assertThat(build.dc.clusterOf("HV01").orElseThrow().sharedVolumes).isEmpty();
    }

    @Test
    void addSharedVolumesAddsRenamesAndMakesTheCsvThroughItsPlanAndARunAfterwardsChangesNothing() {
        build.runBefore(AddSharedVolumesStep.ID);
        StepPlan plan = new AddSharedVolumesStep().diff(build.inventory.firstNode(), view(build));
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.operation()).as(c.toString()).isPresent());
        assertThat(build.run(AddSharedVolumesStep.ID, "HV01").result().exitCode()).isZero();
        SimulatedCluster c = build.dc.clusterOf("HV01").orElseThrow();
        assertThat(c.sharedVolumes).extracting(v -> v.name).containsExactly("CSV1", "CSV2");
        assertThat(c.sharedVolumes).extracting(v -> v.path).containsExactly("C:\\ClusterStorage\\Volume1", "C:\\ClusterStorage\\Volume2");
        SimulatedBuild.Run again = build.run(AddSharedVolumesStep.ID, "HV01");
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(new AddSharedVolumesStep().diff(build.inventory.firstNode(), view(build)).inDesiredState()).isTrue();
    }
}
