package io.hvcluster.plan;

import io.hvcluster.pipeline.ChangeText;
import static io.hvcluster.testing.FactsFixtures.renamed;
import static io.hvcluster.testing.FactsFixtures.withAdapter;
import static io.hvcluster.testing.FactsFixtures.withCluster;
import static io.hvcluster.testing.FactsFixtures.withFeature;
import static io.hvcluster.testing.FactsFixtures.withHost;
import static io.hvcluster.testing.FactsFixtures.withHyperV;
import static io.hvcluster.testing.FactsFixtures.withSessionAdapters;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each step's diff: converged → nothing; fresh → the whole build; one drift → exactly its fix; conflicts → problems. */
class PlannerTest {

    private final Inventory inv = InventoryFixtures.fourNodes();
    private final Planner planner = new Planner();
    private final Map<String, HostFacts> converged = FactsFixtures.converged(inv);
    private final Map<String, HostFacts> fresh = FactsFixtures.fresh(inv);

    private Plan plan(Map<String, HostFacts> facts) {
        return planner.plan(inv, facts, RebootStrategy.AUTO);
    }

    private static List<String> changes(Plan p) {
        List<String> out = new ArrayList<>();
        p.steps().forEach(s -> s.changes().forEach(c -> out.add(s.stepId() + "@" + s.host() + ": " + ChangeText.line(c))));
        return out;
    }

    private static List<String> problems(Plan p) {
        List<String> out = new ArrayList<>();
        p.steps().forEach(s -> s.problems().forEach(c -> out.add(s.stepId() + "@" + s.host() + ": " + c)));
        return out;
    }

    @Test
    void aConvergedClusterHasNothingToChange() {
        Plan p = plan(converged);
        assertThat(changes(p)).isEmpty();
        assertThat(problems(p)).isEmpty();
        // 4 hosts x (7 per-host steps + enable-hyper-v) + 7 cluster steps
        assertThat(p.summary()).isEqualTo("0 to change, 39 in desired state");
    }

    @Test
    void freshHostsNeedTheWholeBuild() {
        Plan p = plan(fresh);
        assertThat(problems(p)).isEmpty();
        // The fixture has no storage section: connect-storage has nothing to connect (its own tests cover iSCSI).
        assertThat(p.steps()).filteredOn(s -> !s.stepId().equals("connect-storage"))
                .allSatisfy(s -> assertThat(s.inDesiredState()).as(s.stepId() + "@" + s.host()).isFalse());
        assertThat(changes(p)).contains(
                "rename-adapters@HV01: ~ name of adapter [00-15-5D-0A-01-02]: Ethernet 2 → Cluster",
                "configure-addresses@HV02: + IPv4 address on 'Cluster': 10.10.1.12/24",
                "configure-addresses@HV02: ~ DHCP on 'Cluster': enabled → disabled",
                "configure-addresses@HV02: ~ DNS registration on 'Cluster': on → off",
                "unbind-protocols@HV03: ~ binding ms_tcpip6 on 'Virtual 1': enabled → disabled",
                "install-failover-clustering@HV04: ~ feature Failover-Clustering (with its management tools): Available → Installed",
                "validate-cluster@HV01: > run Test-Cluster: HV01, HV02, HV03, HV04 (Inventory, Network, System Configuration, Storage)",
                "create-cluster@HV01: + cluster HVCL01: 10.0.0.50, nodes HV01, HV02, HV03, HV04, no storage, ignoring 10.10.1.0/24, 10.10.2.0/24, 10.20.1.0/24, 10.20.2.0/24",
                "configure-quorum@HV01: + cluster disk 'Witness': disk 1",
                "configure-quorum@HV01: ~ quorum: (not set) → node and disk majority, witness 'Witness'",
                "enable-hyper-v@HV02: ~ feature Hyper-V (with its management tools): Available → Installed",
                "enable-hyper-v@HV02: > restart HV02",
                "add-shared-volumes@HV01: + Cluster Shared Volume 'CSV2'",
                "create-virtual-switches@HV04: + external switch 'External': on 'Virtual 1'");
        assertThat(changes(p)).doesNotContain("unbind-protocols@HV03: ~ binding ms_pacer on 'Virtual 1': enabled → disabled");
        assertThat(p.reboot().effective()).isEqualTo(RebootStrategy.PARALLEL);
    }

    @Nested
    class Drift {

        @Test
        void aRenamedBackNicIsExactlyOneChange() {
            Map<String, HostFacts> f = withHost(converged, "HV02", h -> withAdapter(h, "Cluster", a -> renamed(a, "Ethernet 2")));
            assertThat(changes(plan(f))).containsExactly("rename-adapters@HV02: ~ name of adapter [00-15-5D-0A-02-02]: Ethernet 2 → Cluster");
        }

        @Test
        void aCaseOnlyDifferenceIsStillARename() {
            Map<String, HostFacts> f = withHost(converged, "HV01", h -> withAdapter(h, "Cluster", a -> renamed(a, "cluster")));
            assertThat(changes(plan(f))).containsExactly("rename-adapters@HV01: ~ name of adapter [00-15-5D-0A-01-02]: cluster → Cluster");
        }

        @Test
        void aRemovedSwitchIsExactlyOneChange() {
            Map<String, HostFacts> f = withHost(converged, "HV03", h -> withHyperV(h, new HostFacts.HyperV("Running", List.of(), List.of())));
            assertThat(changes(plan(f))).containsExactly("create-virtual-switches@HV03: + external switch 'External': on 'Virtual 1'");
        }

        @Test
        void aStaleAddressAndADhcpLeaseAreFixed() {
            Map<String, HostFacts> f = withHost(converged, "HV01", h -> withAdapter(h, "Live Migration", a -> new HostFacts.Adapter(
                    a.name(), a.description(), a.mac(), a.status(), a.ifIndex(), a.linkSpeed(), false, true, false, List.of(), true,
                    List.of(new HostFacts.IpAddress("10.10.2.99", 24, "Dhcp", "Preferred")), a.bindings())));
            assertThat(changes(plan(f))).containsExactly(
                    "configure-addresses@HV01: ~ DHCP on 'Live Migration': enabled → disabled",
                    "configure-addresses@HV01: - default route on 'Live Migration': 0.0.0.0/0",
                    "configure-addresses@HV01: - IPv4 address on 'Live Migration': 10.10.2.99/24",
                    "configure-addresses@HV01: + IPv4 address on 'Live Migration': 10.10.2.11/24");
        }

        @Test
        void aReenabledBindingOnTheUplinkIsDisabledAgain() {
            Map<String, HostFacts> f = withHost(converged, "HV04", h -> withAdapter(h, "Virtual 1", a -> new HostFacts.Adapter(
                    a.name(), a.description(), a.mac(), a.status(), a.ifIndex(), a.linkSpeed(), a.hidden(), a.dhcp(), a.registerDns(),
                    a.dnsServers(), a.defaultRoute(), a.ipv4(), a.bindings().stream()
                            .map(b -> b.componentId().equals("ms_tcpip6") ? new HostFacts.Binding("ms_tcpip6", true) : b).toList())));
            assertThat(changes(plan(f))).containsExactly("unbind-protocols@HV04: ~ binding ms_tcpip6 on 'Virtual 1': enabled → disabled");
        }

        @Test
        void aMissingFeatureIsInstalled() {
            Map<String, HostFacts> f = withHost(converged, "HV02", h -> withFeature(h, "Failover-Clustering", "Available"));
            assertThat(changes(plan(f))).containsExactly(
                    "install-failover-clustering@HV02: ~ feature Failover-Clustering (with its management tools): Available → Installed");
        }

        @Test
        void hyperVPendingARestartIsFinished() {
            Map<String, HostFacts> f = withHost(converged, "HV03", h -> withFeature(h, "Hyper-V", "InstallPending"));
            assertThat(changes(plan(f))).containsExactly("enable-hyper-v@HV03: > restart HV03: to finish installing Hyper-V");
        }

        @Test
        void aMissingNodeIsAdded() {
            Map<String, HostFacts> f = withCluster(converged, c -> new HostFacts.Cluster(c.service(), c.member(), c.name(),
                    c.nodes().subList(0, 3), c.quorumResource(), c.diskResources(), c.sharedVolumes(), c.networks(), c.groups(),
                    c.migrationNetworkOrder(), c.migrationExcludeNetworks()));
            // HV04 joins only after Test-Cluster passed on it with the existing nodes (issue 12 item 8).
            assertThat(changes(plan(f))).containsExactly(
                    "create-cluster@HV01: > run Test-Cluster: HV01, HV02, HV03, HV04 (Inventory, Network, System Configuration)",
                    "create-cluster@HV01: + node HV04 of cluster HVCL01");
        }

        @Test
        void quorumWitnessAndCsvDriftAreFixed() {
            Map<String, HostFacts> f = withCluster(converged, c -> new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes(), "",
                    c.diskResources().stream().map(r -> r.name().equals("CSV2")
                            ? new HostFacts.DiskResource("Cluster Disk 3", r.state(), r.ownerGroup(), r.diskIdGuid(), r.diskSignature()) : r).toList(),
                    c.sharedVolumes().stream().filter(v -> !v.name().equals("CSV2")).toList(), c.networks(), c.groups(),
                    c.migrationNetworkOrder(), c.migrationExcludeNetworks()));
            assertThat(changes(plan(f))).containsExactly(
                    "configure-quorum@HV01: ~ quorum: node majority → node and disk majority, witness 'Witness'",
                    "add-shared-volumes@HV01: ~ name of cluster disk resource: Cluster Disk 3 → CSV2",
                    "add-shared-volumes@HV01: + Cluster Shared Volume 'CSV2'");
        }

        @Test
        void clusterNetworkNamesRolesAndMigrationOrderAreFixed() {
            Map<String, HostFacts> f = withCluster(converged, c -> new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes(),
                    c.quorumResource(), c.diskResources(), c.sharedVolumes(), c.networks().stream().map(n -> n.name().equals("iSCSI 1")
                            ? new HostFacts.Network("Cluster Network 4", n.address(), n.mask(), 3, n.id(), n.state()) : n).toList(),
                    c.groups(), "", c.migrationExcludeNetworks()));
            assertThat(changes(plan(f))).containsExactly(
                    "configure-cluster-networks@HV01: ~ name of cluster network 10.20.1.0/255.255.255.0: Cluster Network 4 → iSCSI 1",
                    "configure-cluster-networks@HV01: ~ role of cluster network 'iSCSI 1': Cluster and client (3) → None (0)",
                    "configure-cluster-networks@HV01: ~ live migration network order: (not set) → Live Migration, Cluster");
        }
    }

    @Nested
    class Problems {

        @Test
        void aMissingMacIsAProblemNotAChange() {
            Map<String, HostFacts> f = withHost(fresh, "HV02", h -> withAdapter(h, "Ethernet 3", a -> new HostFacts.Adapter(a.name(),
                    a.description(), "00-15-5D-FF-00-00", a.status(), a.ifIndex(), a.linkSpeed(), a.hidden(), a.dhcp(), a.registerDns(),
                    a.dnsServers(), a.defaultRoute(), a.ipv4(), a.bindings())));
            Plan p = plan(f);
            assertThat(problems(p)).contains("rename-adapters@HV02: no physical adapter with MAC 00-15-5D-0A-02-03 for 'Live Migration'");
            assertThat(p.hasProblems()).isTrue();
        }

        @Test
        void aNameHeldByAnotherAdapterIsAProblem() {
            Map<String, HostFacts> f = withHost(fresh, "HV01", h -> withAdapter(h, "Ethernet 6", a -> renamed(a, "Cluster")));
            assertThat(problems(plan(f))).contains("rename-adapters@HV01: the name 'Cluster' already belongs to Intel(R) Ethernet Controller X710 #6 [00-15-5D-0A-01-06]");
        }

        @Test
        void theSessionAdapterIsNeverTouched() {
            Map<String, HostFacts> f = withHost(converged, "HV01", h -> withSessionAdapters(h, List.of("Parent", "Cluster")));
            f = withHost(f, "HV01", h -> withAdapter(h, "Cluster", a -> new HostFacts.Adapter(a.name(), a.description(), a.mac(), a.status(),
                    a.ifIndex(), a.linkSpeed(), a.hidden(), true, a.registerDns(), a.dnsServers(), a.defaultRoute(), a.ipv4(), a.bindings())));
            Plan p = plan(f);
            assertThat(problems(p)).containsExactly("configure-addresses@HV01: refusing to change 'Cluster': the WinRM session runs over it");
            assertThat(changes(p)).isEmpty();
        }

        @Test
        void aNodeInAnotherClusterIsAProblem() {
            Map<String, HostFacts> f = withHost(fresh, "HV03", h -> FactsFixtures.withClusterFacts(h, new HostFacts.Cluster("Running", true,
                    "OLDCL", List.of(), "", List.of(), List.of(), List.of(), List.of(), "", "")));
            assertThat(problems(plan(f))).contains("create-cluster@HV01: HV03 already belongs to cluster 'OLDCL'");
        }

        @Test
        void aSwitchOnTheWrongNicIsReportedNeverRecreated() {
            Map<String, HostFacts> f = withHost(converged, "HV02", h -> withHyperV(h, new HostFacts.HyperV("Running",
                    List.of(new HostFacts.Switch("External", "External", "Broadcom NetXtreme #1", false)), List.of())));
            Plan p = plan(f);
            assertThat(problems(p)).containsExactly("create-virtual-switches@HV02: switch 'External' is bound to 'Broadcom NetXtreme #1', not to "
                    + "'Virtual 1' (hvcluster never re-creates a switch: that disconnects its VMs)");
            assertThat(changes(p)).isEmpty();
        }

        @Test
        void aWitnessThatIsACsvIsAProblem() {
            Map<String, HostFacts> f = withCluster(converged, c -> new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes(),
                    c.quorumResource(), c.diskResources(), concat(c.sharedVolumes(), new HostFacts.SharedVolume("Witness", "Online", "C:\\ClusterStorage\\Volume9")),
                    c.networks(), c.groups(), c.migrationNetworkOrder(), c.migrationExcludeNetworks()));
            assertThat(problems(plan(f))).contains("configure-quorum@HV01: the witness disk 'Witness' is a Cluster Shared Volume; a witness must be a dedicated disk");
        }
    }

    @Nested
    class RebootPolicy {

        @Test
        void autoIsParallelForAnEmptyBuildAndRollingOnceRolesRun() {
            assertThat(plan(fresh).reboot().effective()).isEqualTo(RebootStrategy.PARALLEL);
            Map<String, HostFacts> withVm = withCluster(converged, c -> new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes(),
                    c.quorumResource(), c.diskResources(), c.sharedVolumes(), c.networks(),
                    concat(c.groups(), new HostFacts.Group("SQL01", "VirtualMachine", "Online", "HV02")), c.migrationNetworkOrder(), c.migrationExcludeNetworks()));
            RebootDecision d = plan(withVm).reboot();
            assertThat(d.effective()).isEqualTo(RebootStrategy.ROLLING);
            assertThat(d.reason()).contains("1 role(s)");
        }

        @Test
        void parallelIsRefusedWhenRolesRun() {
            Map<String, HostFacts> withVm = withCluster(converged, c -> new HostFacts.Cluster(c.service(), c.member(), c.name(), c.nodes(),
                    c.quorumResource(), c.diskResources(), c.sharedVolumes(), c.networks(),
                    concat(c.groups(), new HostFacts.Group("SQL01", "VirtualMachine", "Online", "HV02")), c.migrationNetworkOrder(), c.migrationExcludeNetworks()));
            RebootDecision d = planner.plan(inv, withVm, RebootStrategy.PARALLEL).reboot();
            assertThat(d.effective()).isEqualTo(RebootStrategy.ROLLING);
            assertThat(d.reason()).contains("SQL01");
        }

        @Test
        void rollingDrainsClusterMembers() {
            Map<String, HostFacts> f = withHost(converged, "HV02", h -> withFeature(h, "Hyper-V", "Available"));
            assertThat(changes(planner.plan(inv, f, RebootStrategy.ROLLING)))
                    .containsExactly("enable-hyper-v@HV02: ~ cluster node HV02: Up → drained and paused",
                            "enable-hyper-v@HV02: ~ feature Hyper-V (with its management tools): Available → Installed",
                            "enable-hyper-v@HV02: > restart HV02: drained first");
        }
    }

    @SafeVarargs
    static <T> List<T> concat(List<T> list, T... more) {
        List<T> out = new ArrayList<>(list);
        out.addAll(List.of(more));
        return out;
    }
}
