package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.VirtualSwitchSpec;
import io.hvcluster.testing.InventoryFixtures;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FactsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theProbeOfAFreshHostParsesAndShowsAFreshServer() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        HostFacts f = new FactsParser().parse("HV01", build.probe("HV01"));

        assertThat(f.computerName()).isEqualTo("HV01");
        assertThat(f.os().build()).isEqualTo(20348);
        assertThat(f.os().lastBootUtc()).isEqualTo("2026-03-02T07:00:00.0000000Z");
        assertThat(f.system().partOfDomain()).isTrue();
        assertThat(f.features()).extracting(HostFacts.Feature::installState).containsOnly("Available");
        assertThat(f.adapters().stream().filter(a -> !a.hidden()).map(HostFacts.Adapter::name))
                .containsExactly("Ethernet", "Ethernet 2", "Ethernet 3", "Ethernet 4", "Ethernet 5", "Ethernet 6");
        HostFacts.Adapter mgmt = f.adapters().get(1);
        assertThat(mgmt.mac()).isEqualTo("00-15-5D-0A-01-01");
        assertThat(mgmt.ipv4()).containsExactly(new HostFacts.IpAddress("10.0.0.11", 24, "Manual", "Preferred"));
        assertThat(mgmt.defaultRoute()).isTrue();
        assertThat(mgmt.dnsServers()).containsExactly("10.0.0.10");
        assertThat(mgmt.binding("vms_pp")).isEmpty();
        assertThat(f.adapters().get(2).description()).isEqualTo("Intel(R) Ethernet Controller X710 for 10GbE SFP+ #2");
        assertThat(f.adapters().get(2).dhcp()).isTrue();
        assertThat(f.adapters().get(2).ipv4()).singleElement().satisfies(ip -> assertThat(ip.origin()).isEqualTo("WellKnown"));
        assertThat(f.sessionAdapters()).containsExactly("Ethernet");
        assertThat(f.disks()).extracting(HostFacts.Disk::serial).containsExactly("BOOT-HV01", "WITNESS-01", "CSV-01", "CSV-02");
        assertThat(f.disks().get(1).sizeBytes()).isGreaterThanOrEqualTo(1024L * 1024 * 1024);
        // A new LUN is RAW (no partition table, so no GUID) and offline (SAN policy OfflineShared).
        assertThat(f.disks().get(1)).satisfies(d -> {
            assertThat(d.partitionStyle()).isEqualTo("RAW");
            assertThat(d.guid()).isEmpty();
            assertThat(d.partitions()).isZero();
            assertThat(d.fileSystem()).isEmpty();
            assertThat(d.isOffline()).isTrue();
        });
        assertThat(f.cluster().service()).isEqualTo("absent");
        assertThat(f.hyperV().vmms()).isEqualTo("absent");
        assertThat(f.cpu().virtualizationFirmwareEnabled()).isTrue();
        assertThat(f.cpu().hypervisorPresent()).isFalse();
    }

    @Test
    void theProbeOfABuiltHostParsesAndShowsTheCluster() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        build.runAll();
        HostFacts f = new FactsParser().parse("HV02", build.probe("HV02"));

        assertThat(f.clusterMember()).isTrue();
        assertThat(f.cluster().nodes()).extracting(HostFacts.Node::state).containsOnly("Up");
        assertThat(f.cluster().quorumResource()).isEqualTo("Witness");
        assertThat(f.cluster().sharedVolumes()).extracting(HostFacts.SharedVolume::path)
                .containsExactly("C:\\ClusterStorage\\Volume1", "C:\\ClusterStorage\\Volume2");
        assertThat(f.featureInstalled("Hyper-V")).isTrue();
        assertThat(f.cpu().hypervisorPresent()).isTrue();
        assertThat(f.cpu().virtualizationFirmwareEnabled()).isFalse();
        assertThat(f.hyperV().switches()).extracting(HostFacts.Switch::name).containsExactly("External");
        assertThat(f.adapterNamed("Virtual 1").orElseThrow().binding("vms_pp").orElseThrow().enabled()).isTrue();
        assertThat(f.disks()).filteredOn(d -> !d.isBoot()).allMatch(HostFacts.Disk::isClustered);
    }

    @Test
    void theKeysTheProbeTemplateWritesAreExactlyTheKeysTheSimulatorEmitsAndTheFactsModelHolds() throws IOException {
        Set<String> templateKeys = new TreeSet<>(TemplateHashtableKeys.of(Files.readString(Path.of("templates/facts/probe.ps1.vm"))));
        // The run lock's keys are written by Read-HvcRunLock, which the probe includes.
        templateKeys.addAll(TemplateHashtableKeys.of(Files.readString(Path.of("templates/_lib/run-lock.ps1.vm"))));

        assertThat(templateKeys).hasSizeGreaterThan(80).contains("virtualizationFirmwareEnabled", "accessVlanId", "diskIdGuid", "section");
        // A switch shared with the host (so hostVlans has entries) and a failing section (so errors has one).
        Inventory base = InventoryFixtures.fourNodes();
        ClusterSpec c = base.cluster();
        // And iSCSI storage, so the storage section lists portals and sessions.
        Inventory inv = InventoryFixtures.withIscsi(new Inventory(base.source(), new ClusterSpec(c.name(), c.address(), c.domain(),
                c.targetOs(), c.quorum(), c.witness(), c.sharedVolumes(),
                List.of(new VirtualSwitchSpec("External", "Virtual 1", true, Optional.of(20)))),
                base.networks(), base.hosts(), base.connection(), base.capacity()));
        SimulatedBuild build = SimulatedBuild.fresh(inv);
        build.runAll();
        Set<String> emitted = new TreeSet<>();
        collectKeys(JSON.readTree(build.probe("HV01")), emitted);
        build.dc.requireHost("HV02").faults.failingFactsSections.put("disks", "Access denied");
        build.dc.requireHost("HV02").runLock = new io.hvcluster.facts.RunLockMark("run-1", "CORP\\alice", "ADMIN01", "2026-03-02T08:00:00Z");
        collectKeys(JSON.readTree(build.probe("HV02")), emitted);

        assertThat(emitted).isEqualTo(templateKeys);
        Set<String> modelKeys = new TreeSet<>();
        recordComponents(HostFacts.class, modelKeys);
        assertThat(modelKeys).isEqualTo(templateKeys);
    }

    @Test
    void aFailingProbeSectionBlindsTheProbeButNotAStepScriptWhichReadsWindowsItself() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        build.runAll();
        build.dc.requireHost("HV01").faults.failingFactsSections.put("cluster", "Get-Cluster timed out");

        HostFacts probed = new FactsParser().parse("HV01", build.probe("HV01"));
        assertThat(probed.cluster()).isNull();
        assertThat(probed.errors()).extracting(HostFacts.SectionError::section).contains("cluster");
        // Planned without the cluster, create-cluster would run New-Cluster again and configure-quorum would fail.
        for (String step : List.of("create-cluster", "configure-quorum", "configure-cluster-networks", "add-shared-volumes")) {
            SimulatedBuild.Run r = build.run(step, "HV01");
            assertThat(r.result().exitCode()).as(step + ": " + r.result()).isZero();
            assertThat(r.changed()).as(step + " on a converged cluster").isFalse();
        }
    }

    @Test
    void theKeyExtractorReadsNestedLiteralsAndSkipsQuotedBraces() {
        String ps = "$x = [ordered]@{\n    a = 1; b = @(Get-Disk | ForEach-Object {\n        [ordered]@{ c = ([string]$_.Guid).Trim('{}'); d = $_.Size }\n    })\n"
                + "    e = if ($y -eq 1) { $z = 2 }\n}";
        assertThat(TemplateHashtableKeys.of(ps)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    private static void collectKeys(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.add(k);
                collectKeys(node.get(k), out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, out));
        }
    }

    private static void recordComponents(Class<?> type, Set<String> out) {
        for (RecordComponent rc : type.getRecordComponents()) {
            out.add(rc.getName());
            Type t = rc.getGenericType();
            Class<?> inner = t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> k ? k : rc.getType();
            if (inner.isRecord()) {
                recordComponents(inner, out);
            }
        }
    }
}
