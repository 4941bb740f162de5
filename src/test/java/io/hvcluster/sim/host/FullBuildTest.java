package io.hvcluster.sim.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InventoryFixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FullBuildTest {

    @Test
    void aFullBuildLeavesEveryStepsPostConditionInTheModel() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        List<SimulatedBuild.Run> runs = build.runAll();

        // Validation reads only; every other script changes a fresh datacenter (connect-storage: this fixture has no
        // storage section, so nothing to connect; ConnectStorageTest builds the iSCSI example).
        assertThat(runs).filteredOn(r -> !r.stepId().equals("validate-cluster") && !r.stepId().equals("connect-storage"))
                .allMatch(SimulatedBuild.Run::changed);
        assertThat(runs).filteredOn(r -> r.stepId().equals("validate-cluster")).singleElement()
                .satisfies(r -> assertThat(r.json().get("data").get("report").asText()).startsWith("C:\\Windows\\Cluster\\Reports\\hvcluster-validate-"));
        SimulatedDatacenter dc = build.dc;
        for (WindowsHost h : dc.hosts.values()) {
            assertThat(h.visibleAdapters().stream().filter(NetAdapter::physical).map(a -> a.name))
                    .containsExactly("Parent", "Cluster", "Live Migration", "iSCSI 1", "iSCSI 2", "Virtual 1");
            NetAdapter cluster = h.adapter("Cluster").orElseThrow();
            assertThat(cluster.dhcp).isFalse();
            assertThat(cluster.registerDns).isFalse();
            assertThat(cluster.ipv4).singleElement().satisfies(ip -> {
                assertThat(ip.address).startsWith("10.10.1.");
                assertThat(ip.origin).isEqualTo("Manual");
                assertThat(ip.state).isEqualTo("Preferred");
            });
            NetAdapter uplink = h.adapter("Virtual 1").orElseThrow();
            assertThat(uplink.bindings).containsEntry("ms_tcpip", false).containsEntry("ms_tcpip6", false)
                    .containsEntry("ms_msclient", false).containsEntry("vms_pp", true);
            assertThat(h.adapter("Parent").orElseThrow().bindings).containsEntry("vms_pp", false).containsEntry("ms_tcpip", true);
            assertThat(h.features).containsEntry("Failover-Clustering", "Installed").containsEntry("Hyper-V", "Installed");
            assertThat(h.hypervisorRunning).isTrue();
            assertThat(h.bootCount).isEqualTo(3);
            assertThat(h.switches).singleElement().satisfies(s -> {
                assertThat(s.name).isEqualTo("External");
                assertThat(s.adapterDescription).isEqualTo(uplink.description);
                assertThat(s.allowManagementOs).isFalse();
            });
        }
        SimulatedCluster c = dc.cluster("HVCL01").orElseThrow();
        assertThat(c.nodes).extracting(n -> dc.nodeState(n)).containsOnly("Up");
        assertThat(c.nodes).extracting(n -> n.name).containsExactly("HV01", "HV02", "HV03", "HV04");
        assertThat(c.quorumResource).isEqualTo("Witness");
        assertThat(c.diskResources).extracting(r -> r.name + "@" + r.ownerGroup)
                .containsExactly("Witness@Cluster Group", "CSV1@Cluster Shared Volume", "CSV2@Cluster Shared Volume");
        assertThat(c.sharedVolumes).extracting(v -> v.name + "=" + v.path)
                .containsExactly("CSV1=C:\\ClusterStorage\\Volume1", "CSV2=C:\\ClusterStorage\\Volume2");
        Map<String, Integer> roles = c.networks.stream().collect(Collectors.toMap(n -> n.name, n -> n.role));
        assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of("Parent", 3, "Cluster", 1, "Live Migration", 1, "iSCSI 1", 0, "iSCSI 2", 0));
        assertThat(c.migrationNetworkOrder).isEqualTo(c.network("Live Migration").orElseThrow().id + ";" + c.network("Cluster").orElseThrow().id);
        assertThat(c.migrationExcludeNetworks.split(";")).hasSize(3);
        assertThat(dc.directory.hasComputer("HVCL01")).isTrue();
    }

    @Test
    void runningEveryScriptAgainChangesNothing() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        build.runAll();
        List<SimulatedBuild.Run> again = build.runAll();
        assertThat(again).as("every phase of every step, connect-storage and enable-hyper-v with two").hasSize(4 * 9 + 7 + 4).noneMatch(SimulatedBuild.Run::changed);
        assertThat(again).allMatch(r -> r.json().get("error").isNull());
        assertThat(build.dc.hosts.values()).allMatch(h -> h.bootCount == 3, "no second Hyper-V restart");
    }

    @Test
    void driftIsRepairedAndNothingElseChanges() {
        SimulatedBuild build = SimulatedBuild.fresh(InventoryFixtures.fourNodes());
        build.runAll();
        build.dc.requireHost("HV02").adapter("Cluster").orElseThrow().name = "Ethernet 2";
        build.dc.requireHost("HV03").switches.clear();

        List<SimulatedBuild.Run> changed = build.runAll().stream().filter(SimulatedBuild.Run::changed).toList();

        assertThat(changed).extracting(SimulatedBuild.Run::toString)
                .containsExactly("rename-adapters/apply on HV02", "create-virtual-switches/apply on HV03");
        assertThat(changed.get(0).json().get("changes").get(0).asText()).isEqualTo("renamed 'Ethernet 2' [00-15-5D-0A-02-02] to 'Cluster'");
        assertThat(changed.get(1).json().get("changes").get(0).asText()).isEqualTo("created external switch 'External' on 'Virtual 1'");
    }
}
