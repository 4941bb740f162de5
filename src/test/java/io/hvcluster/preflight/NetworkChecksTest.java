package io.hvcluster.preflight;

import static io.hvcluster.testing.FactsFixtures.withAdapter;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts.PingResult;
import io.hvcluster.inventory.check.Severity;
import io.hvcluster.testing.FactsFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkChecksTest {

    static HostFacts.Adapter adapter(HostFacts.Adapter a, String mac, String status, String speed, String description) {
        return new HostFacts.Adapter(a.name(), description, mac, status, a.ifIndex(), speed, a.hidden(), a.dhcp(), a.registerDns(),
                a.dnsServers(), a.defaultRoute(), a.ipv4(), a.bindings());
    }

    static HostFacts.Adapter withIps(HostFacts.Adapter a, List<HostFacts.IpAddress> ips) {
        return new HostFacts.Adapter(a.name(), a.description(), a.mac(), a.status(), a.ifIndex(), a.linkSpeed(), a.hidden(), a.dhcp(),
                a.registerDns(), a.dnsServers(), a.defaultRoute(), ips, a.bindings());
    }

    @Test
    void nicPresenceTripsOnAMissingADuplicatedAndADisconnectedNic() {
        Scenario s = Scenario.fresh()
                .host("HV01", h -> withAdapter(h, "Ethernet 2", a -> adapter(a, "00-15-5D-FF-00-01", "Up", a.linkSpeed(), a.description())))
                .host("HV02", h -> withAdapter(h, "Ethernet 3", a -> adapter(a, "00-15-5D-0A-02-04", "Up", a.linkSpeed(), a.description())))
                .host("HV03", h -> withAdapter(h, "Ethernet 4", a -> adapter(a, a.mac(), "Disconnected", a.linkSpeed(), a.description())));
        List<Finding> f = s.run(new NicPresenceCheck());
        assertThat(f).extracting(Finding::host, Finding::found).containsExactly(
                org.assertj.core.groups.Tuple.tuple("HV01", "no physical, visible network adapter with MAC 00-15-5D-0A-01-02 (network 'Cluster')"),
                // The MAC moved to another NIC: HV02's Live Migration NIC is gone from its role.
                org.assertj.core.groups.Tuple.tuple("HV02", "no physical, visible network adapter with MAC 00-15-5D-0A-02-03 (network 'Live Migration')"),
                org.assertj.core.groups.Tuple.tuple("HV02", "2 physical adapters with MAC 00-15-5D-0A-02-04 (network 'iSCSI 1')"),
                org.assertj.core.groups.Tuple.tuple("HV03", "adapter 'Ethernet 4' with MAC 00-15-5D-0A-03-04 (network 'iSCSI 1') is Disconnected"));
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.ERROR);
    }

    @Test
    void nicPresenceSkipsAHostWhoseAdaptersCouldNotBeRead() {
        Scenario s = Scenario.fresh().host("HV01", h -> FactsFixtures.withErrors(
                withAdapter(h, "Ethernet 2", a -> adapter(a, "00-15-5D-FF-00-01", "Up", a.linkSpeed(), a.description())),
                List.of(new HostFacts.SectionError("adapters", "WMI is broken"))));
        assertThat(s.run(new NicPresenceCheck())).isEmpty();
    }

    @Test
    void nicPresencePassesOnFreshAndOnConvergedHosts() {
        assertThat(Scenario.fresh().run(new NicPresenceCheck())).isEmpty();
        assertThat(Scenario.converged().run(new NicPresenceCheck())).isEmpty();
    }

    @Test
    void nicCountTripsWhenAHostHasFewerPhysicalNicsThanRoles() {
        // Two roles' NICs turned into team interfaces: they no longer count as physical.
        Scenario s = Scenario.fresh()
                .host("HV02", h -> withAdapter(withAdapter(h, "Ethernet 5", a -> adapter(a, a.mac(), "Up", a.linkSpeed(), "Microsoft Network Adapter Multiplexor Driver")),
                        "Ethernet 6", a -> adapter(a, a.mac(), "Up", a.linkSpeed(), "Microsoft Network Adapter Multiplexor Driver #2")));
        assertThat(s.run(new NicCountCheck())).singleElement().satisfies(x -> {
            assertThat(x.host()).isEqualTo("HV02");
            assertThat(x.found()).isEqualTo("4 physical network adapter(s)");
            assertThat(x.expected()).startsWith("at least 6, one per network role (Parent, Cluster, Live Migration, iSCSI 1, iSCSI 2, Virtual 1)");
        });
    }

    @Test
    void nicCountPasses() {
        assertThat(Scenario.fresh().run(new NicCountCheck())).isEmpty();
    }

    @Test
    void nicConsistencyWarnsOnAnotherModelOrSpeedForTheSameRole() {
        Scenario s = Scenario.fresh()
                .host("HV02", h -> withAdapter(h, "Ethernet 3", a -> adapter(a, a.mac(), "Up", "1 Gbps", a.description())))
                .host("HV03", h -> withAdapter(h, "Ethernet 2", a -> adapter(a, a.mac(), "Up", a.linkSpeed(), "Mellanox ConnectX-4 Lx #7")));
        List<Finding> f = s.run(new NicConsistencyCheck());
        assertThat(f).extracting(Finding::found).containsExactly(
                "network 'Cluster' uses different NIC models: Intel(R) Ethernet Controller X710 on HV01, HV02; Mellanox ConnectX-4 Lx on HV03",
                "network 'Live Migration' links at different speeds: 1 Gbps on HV02; 10 Gbps on HV01, HV03");
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.WARNING);
    }

    @Test
    void nicConsistencyIgnoresTheInstanceSuffixWindowsAdds() {
        // Fresh facts number every description (#1, #2, ...): the same model nonetheless.
        assertThat(Scenario.fresh().run(new NicConsistencyCheck())).isEmpty();
    }

    @Test
    void reachabilityIsAnErrorOnManagement() {
        Scenario s = Scenario.fresh();
        s.pings = t -> t.localAddress().isEmpty() && !t.host().equals("HV03") ? PingResult.reachable
                : t.localAddress().isEmpty() ? PingResult.unreachable : PingResult.notAddressed;
        List<Finding> f = s.run(new ReachabilityCheck());
        assertThat(f).extracting(Finding::host, Finding::found).containsExactly(
                org.assertj.core.groups.Tuple.tuple("HV01", "HV03's management address 10.0.0.13 does not answer a ping from HV01"),
                org.assertj.core.groups.Tuple.tuple("HV02", "HV03's management address 10.0.0.13 does not answer a ping from HV02"));
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.ERROR);
        assertThat(f.get(0).fix()).contains("FPS-ICMP4-ERQ-In");
    }

    @Test
    void reachabilityIsAWarningOnAnAddressedPrivateNetwork() {
        Scenario s = Scenario.converged();
        s.pings = t -> t.network().equals("Live Migration") && t.host().equals("HV02") && t.localAddress().equals("10.10.2.11")
                ? PingResult.unreachable : PingResult.reachable;
        assertThat(s.run(new ReachabilityCheck())).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.host()).isEqualTo("HV01");
            assertThat(x.found()).isEqualTo("HV02 (10.10.2.12) does not answer a ping from HV01 (10.10.2.11) on 'Live Migration'");
        });
    }

    @Test
    void reachabilitySkipsOutLoudWhatIsNotAddressedYet() {
        PreflightReport fresh = Scenario.fresh().report(new ReachabilityCheck());
        assertThat(fresh.findings()).isEmpty();
        // 3 hosts x 4 private networks: one line per network (the reason), not one per host, nor one per peer.
        assertThat(fresh.skipped()).hasSize(4);
        assertThat(fresh.skipped().get(0)).isEqualTo(new Skipped("cluster", "reachability",
                "network 'Cluster': HV01 (10.10.1.11), HV02 (10.10.1.12), HV03 (10.10.1.13) do not hold their addresses yet; "
                        + "their pings to each other run once configure-addresses has run"));
        // One host not on a network yet: its own line, naming it.
        Scenario one = Scenario.converged().host("HV02", h -> withAdapter(h, "Cluster", a -> withIps(a, List.of())));
        one.pings = t -> t.network().equals("Cluster") && t.localAddress().equals("10.10.1.12") ? PingResult.notAddressed
                : t.network().equals("Cluster") && t.host().equals("HV02") ? PingResult.unreachable : PingResult.reachable;
        assertThat(one.report(new ReachabilityCheck()).skipped()).extracting(Skipped::host, Skipped::why).contains(
                org.assertj.core.groups.Tuple.tuple("HV02", "network 'Cluster': HV02 does not hold 10.10.1.12 yet; its pings to the other "
                        + "nodes on it run once configure-addresses has run"));

        // This end is addressed but the other is not: skipped as well, not a warning.
        Scenario half = Scenario.converged().host("HV02", h -> withAdapter(h, "Cluster", a -> withIps(a, List.of())));
        half.pings = t -> t.network().equals("Cluster") && t.host().equals("HV02") ? PingResult.unreachable : PingResult.reachable;
        PreflightReport r = half.report(new ReachabilityCheck());
        assertThat(r.findings()).isEmpty();
        assertThat(r.skipped()).extracting(Skipped::host, Skipped::why).containsExactly(org.assertj.core.groups.Tuple.tuple("cluster",
                "network 'Cluster': HV02 does not hold 10.10.1.12 yet, so the pings from HV01, HV03 are checked once configure-addresses has run"));
    }

    @Test
    void reachabilityPassesWhenEveryoneAnswers() {
        PreflightReport r = Scenario.converged().report(new ReachabilityCheck());
        assertThat(r.findings()).isEmpty();
        assertThat(r.skipped()).isEmpty();
    }
}
