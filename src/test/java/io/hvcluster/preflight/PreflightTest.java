package io.hvcluster.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts.PingResult;
import io.hvcluster.testing.FactsFixtures;
import org.junit.jupiter.api.Test;

class PreflightTest {

    @Test
    void freshAndConvergedClustersPassEveryStandardCheck() {
        Scenario fresh = Scenario.fresh();
        PreflightReport r = Preflight.standard().check(fresh.input());
        assertThat(r.findings()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.summary()).isEqualTo("0 errors, 0 warnings");
        assertThat(Preflight.standard().check(Scenario.converged().input()).findings()).isEmpty();
    }

    @Test
    void reportsEveryFindingAtOnceHostByHostWithClusterWideOnesLast() {
        Scenario s = Scenario.fresh()
                .host("HV03", h -> OsAndCpuChecksTest.cpu(h, "AuthenticAMD", "AMD EPYC", 9, false, true, false))
                .host("HV01", h -> FactsFixtures.withFeature(h, "Hyper-V", "InstallPending"))
                .host("HV02", h -> DomainChecksTest.joined(h, false, "WORKGROUP"));
        s.pings = t -> t.localAddress().isEmpty() ? PingResult.reachable : PingResult.notAddressed;
        PreflightReport r = Preflight.standard().check(s.input());
        assertThat(r.findings()).extracting(Finding::host, Finding::check).containsExactly(
                org.assertj.core.groups.Tuple.tuple("HV01", "hyper-v-install-pending"),
                org.assertj.core.groups.Tuple.tuple("HV02", "domain-membership"),
                org.assertj.core.groups.Tuple.tuple("HV03", "cpu-virtualization"),
                org.assertj.core.groups.Tuple.tuple("cluster", "cpu-consistency"));
        assertThat(r.errors()).hasSize(3);
        assertThat(r.warnings()).hasSize(1);
        assertThat(r.summary()).isEqualTo("3 errors, 1 warning");
    }

    @Test
    void aHostWithoutFactsIsLeftOutRatherThanGuessedAt() {
        Scenario s = Scenario.fresh();
        java.util.Map<String, HostFacts> two = new java.util.LinkedHashMap<>(s.facts);
        two.remove("HV02");
        s.facts = two;
        assertThat(Preflight.standard().check(s.input()).findings()).isEmpty();
    }
}
