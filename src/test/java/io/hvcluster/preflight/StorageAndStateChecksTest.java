package io.hvcluster.preflight;

import static io.hvcluster.testing.FactsFixtures.withClusterFacts;
import static io.hvcluster.testing.FactsFixtures.withDisks;
import static io.hvcluster.testing.FactsFixtures.withFeature;
import static io.hvcluster.testing.FactsFixtures.withOs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.check.Severity;
import io.hvcluster.testing.FactsFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StorageAndStateChecksTest {

    /** Changes the disk with {@code serial} on a host. */
    static HostFacts disk(HostFacts f, String serial, UnaryOperator<HostFacts.Disk> change) {
        return withDisks(f, f.disks().stream().map(d -> d.serial().equals(serial) ? change.apply(d) : d).toList());
    }

    static HostFacts.Disk copy(HostFacts.Disk d, String guid, String style, long size, boolean clustered, boolean boot) {
        return new HostFacts.Disk(d.number(), d.serial(), d.uniqueId(), guid, d.signature(), style, size, clustered, d.isOffline(), boot, d.busType());
    }

    @Test
    void visibilityTripsOnAMissingADoubledAndADifferentDisk() {
        // CSV1 prepared: GPT with a GUID, which differs on HV01.
        UnaryOperator<HostFacts> gpt = h -> disk(h, "CSV-01", d -> copy(d, "00000002-1111-2222-3333-444455556666", "GPT", d.sizeBytes(), false, false));
        Scenario s = Scenario.fresh()
                .host("HV02", h -> withDisks(gpt.apply(h), gpt.apply(h).disks().stream().filter(d -> !d.serial().equals("CSV-02")).toList()))
                .host("HV03", h -> {
                    List<HostFacts.Disk> disks = new ArrayList<>(gpt.apply(h).disks());
                    disks.add(disks.stream().filter(d -> d.serial().equals("WITNESS-01")).findFirst().orElseThrow());
                    return withDisks(h, disks);
                })
                .host("HV01", h -> disk(h, "CSV-01", d -> copy(d, "DEADBEEF-0000-0000-0000-000000000000", d.partitionStyle(), d.sizeBytes(), false, false)));
        List<Finding> f = s.run(new SharedDiskVisibilityCheck());
        assertThat(f).extracting(Finding::host, Finding::found).containsExactly(
                tuple("HV02", "disk 'CSV2' (serial CSV-02) is not visible"),
                tuple("HV03", "disk 'Witness' (serial WITNESS-01) is seen 2 times (disks [1, 1])"),
                tuple("cluster", "disk 'CSV1' (serial CSV-01) is a different disk on different hosts: unique id UID-2, guid 00000002-1111-2222-3333-444455556666 "
                        + "on HV02, HV03; unique id UID-2, guid DEADBEEF-0000-0000-0000-000000000000 on HV01"));
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.ERROR);
        assertThat(f.get(1).fix()).contains("Install-WindowsFeature -Name Multipath-IO", "Enable-MSDSMAutomaticClaim -BusType iSCSI",
                "Restart-Computer");
    }

    @Test
    void aNodeThatStillShowsTheDiskRawIsNotADifferentDisk() {
        // prepare-shared-disks initialized CSV1 on HV01; HV02's storage cache still shows it RAW (no GUID yet).
        Scenario s = Scenario.fresh().host("HV01", h -> disk(h, "CSV-01", d -> copy(d, "00000002-1111-2222-3333-444455556666", "GPT",
                d.sizeBytes(), false, false)));
        assertThat(s.run(new SharedDiskVisibilityCheck())).isEmpty();
    }

    @Test
    void aVolumeLabelOtherThanTheInventorysWarnsAndNamesTheDisk() {
        Scenario s = Scenario.fresh().host("HV01", h -> disk(h, "CSV-01", d -> new HostFacts.Disk(d.number(), d.serial(), d.uniqueId(),
                "00000002-1111-2222-3333-444455556666", 0, "GPT", d.sizeBytes(), false, false, false, d.busType(), false, 1, "NTFS", "Data")));
        List<Finding> f = s.run(new SharedDiskUsageCheck());
        assertThat(f).extracting(Finding::severity, Finding::host, Finding::found)
                .containsExactly(tuple(Severity.WARNING, "HV01", "disk 'CSV1' (serial CSV-01) has volume label 'Data'"));
        assertThat(f.get(0).fix()).contains("Set-Volume -FileSystemLabel 'Data' -NewFileSystemLabel 'CSV1'");
    }

    @Test
    void visibilityPassesOnFreshAndConvergedHosts() {
        assertThat(Scenario.fresh().run(new SharedDiskVisibilityCheck())).isEmpty();
        assertThat(Scenario.converged().run(new SharedDiskVisibilityCheck())).isEmpty();
    }

    @Test
    void usageTripsOnASmallWitnessAnMbrCsvABootDiskAndADiskClusteredElsewhere() {
        Scenario s = Scenario.fresh();
        for (String h : List.of("HV01", "HV02", "HV03")) {
            s.host(h, x -> disk(disk(x, "WITNESS-01", d -> copy(d, d.guid(), "GPT", 256L << 20, false, false)),
                    "CSV-01", d -> copy(d, "", "MBR", d.sizeBytes(), false, false)));
        }
        s.host("HV02", x -> disk(x, "CSV-02", d -> copy(d, d.guid(), "GPT", d.sizeBytes(), true, false)));
        s.host("HV03", x -> disk(x, "CSV-02", d -> copy(d, d.guid(), "GPT", d.sizeBytes(), false, true)));
        List<Finding> f = s.run(new SharedDiskUsageCheck());
        assertThat(f).extracting(Finding::severity, Finding::host, Finding::found).containsExactly(
                tuple(Severity.ERROR, "HV01", "disk 'CSV1' (serial CSV-01) is partitioned MBR"),
                tuple(Severity.ERROR, "HV02", "disk 'CSV2' (serial CSV-02) is already a clustered disk, in use by a cluster this node is not a member of"),
                tuple(Severity.ERROR, "HV03", "disk 'CSV2' (serial CSV-02) is HV03's boot disk (disk 3)"),
                tuple(Severity.ERROR, "cluster", "witness disk 'Witness' (serial WITNESS-01) has 256 MB"));
        // Clear-Disk un-initializes a disk: the fix makes it RAW for prepare-shared-disks, never "initializes it as GPT".
        assertThat(f.get(0).fix()).contains("Clear-Disk -Number 2 -RemoveData -RemoveOEM", "becomes RAW", "prepare-shared-disks initializes it GPT")
                .doesNotContain("initialized as GPT");
    }

    @Test
    void usagePassesOnFreshDisksAndOnDisksOurClusterHolds() {
        assertThat(Scenario.fresh().run(new SharedDiskUsageCheck())).isEmpty();
        assertThat(Scenario.converged().run(new SharedDiskUsageCheck())).isEmpty();
    }

    @Test
    void pendingRebootWarns() {
        List<Finding> f = Scenario.fresh().host("HV02", h -> withOs(h, new HostFacts.Os(20348, "ServerDatacenter", "Server Core", "x",
                h.os().lastBootUtc(), true, true))).run(new PendingRebootCheck());
        assertThat(f).singleElement().isEqualTo(new Finding(Severity.WARNING, "HV02", "pending-reboot", "a restart is pending",
                "no pending restart", "restart HV02 first (Restart-Computer), then run again"));
    }

    @Test
    void pendingRebootPasses() {
        assertThat(Scenario.fresh().run(new PendingRebootCheck())).isEmpty();
    }

    @Test
    void clusterMembershipTripsOnANodeOfAnotherCluster() {
        Scenario s = Scenario.converged().host("HV03", h -> withClusterFacts(h, new HostFacts.Cluster("Running", true, "OLDCL", h.cluster().nodes(),
                "", List.of(), List.of(), List.of(), List.of(), "", "")));
        assertThat(s.run(new ClusterMembershipCheck())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.found()).isEqualTo("member of cluster OLDCL");
            assertThat(x.fix()).contains("Remove-ClusterNode -Name HV03", "Clear-ClusterNode");
        });
    }

    @Test
    void clusterMembershipPassesForOurOwnClusterAndForNone() {
        assertThat(Scenario.converged().run(new ClusterMembershipCheck())).isEmpty();
        assertThat(Scenario.fresh().run(new ClusterMembershipCheck())).isEmpty();
    }

    @Test
    void hyperVInstallPendingWarns() {
        List<Finding> f = Scenario.fresh().host("HV01", h -> withFeature(h, "Hyper-V", "InstallPending")).run(new HyperVInstallPendingCheck());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.fix()).startsWith("restart HV01");
        });
    }

    @Test
    void hyperVInstallPendingPassesWhenAvailableOrInstalled() {
        assertThat(Scenario.fresh().run(new HyperVInstallPendingCheck())).isEmpty();
        assertThat(Scenario.converged().run(new HyperVInstallPendingCheck())).isEmpty();
    }

    @Test
    void probeSectionsWarnAboutWhatCouldNotBeRead() {
        Scenario s = Scenario.fresh().host("HV02", h -> FactsFixtures.withErrors(h, List.of(new HostFacts.SectionError("disks", "Get-Disk: access denied"))));
        s.probeFailures.put("HV03", "HV03: the preflight probe failed: error: boom");
        List<Finding> f = s.run(new ProbeSectionsCheck());
        assertThat(f).extracting(Finding::host, Finding::found).containsExactly(
                tuple("HV02", "the facts probe could not read 'disks': Get-Disk: access denied"),
                tuple("HV03", "the preflight probe did not run: HV03: the preflight probe failed: error: boom"));
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.WARNING);
    }

    @Test
    void probeSectionsPassWhenEverythingWasRead() {
        assertThat(Scenario.fresh().run(new ProbeSectionsCheck())).isEmpty();
    }

    @Test
    void beforeConnectStorageTheLunCheckSaysOnceForAllHostsWhyItWaits() throws Exception {
        Inventory inv = io.hvcluster.inventory.load.InventoryLoader.load(
                java.nio.file.Files.readString(java.nio.file.Path.of("inventories/lab-4node.yaml")), "lab-4node.yaml").inventory().orElseThrow();
        HostFacts.Storage none = new HostFacts.Storage("Stopped", "Manual", false, "", List.of(), List.of());
        java.util.Map<String, HostFacts> facts = new java.util.LinkedHashMap<>();
        FactsFixtures.fresh(inv).forEach((h, f) -> facts.put(h, FactsFixtures.withStorage(f, none)));

        PreflightReport r = Scenario.of(inv, facts).report(new SharedDiskVisibilityCheck());
        assertThat(r.findings()).isEmpty();
        assertThat(r.skipped()).singleElement().satisfies(s -> {
            assertThat(s.host()).isEqualTo(Finding.CLUSTER);
            assertThat(s.why()).isEqualTo("shared disks on HV01, HV02, HV03, HV04: " + IscsiSessions.NOT_YET + " (no session yet from "
                    + "HV01 (10.20.1.11 to portal 10.20.1.100), HV02 (10.20.1.12 to portal 10.20.1.100), "
                    + "HV03 (10.20.1.13 to portal 10.20.1.100), HV04 (10.20.1.14 to portal 10.20.1.100))");
        });

        // A host with another reason: its own line (hosts first, the cluster last); the others still share one.
        facts.put("HV02", FactsFixtures.withStorage(facts.get("HV02"), null));
        assertThat(Scenario.of(inv, facts).report(new SharedDiskVisibilityCheck()).skipped()).extracting(Skipped::host, Skipped::why)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HV02", "shared disks: " + IscsiSessions.NOT_YET
                                + " (the iSCSI initiator's state could not be read)"),
                        org.assertj.core.groups.Tuple.tuple("cluster", "shared disks on HV01, HV03, HV04: " + IscsiSessions.NOT_YET
                                + " (no session yet from HV01 (10.20.1.11 to portal 10.20.1.100), HV03 (10.20.1.13 to portal 10.20.1.100), "
                                + "HV04 (10.20.1.14 to portal 10.20.1.100))"));
    }
}
