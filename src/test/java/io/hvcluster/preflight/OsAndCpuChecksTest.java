package io.hvcluster.preflight;

import static io.hvcluster.testing.FactsFixtures.withCpu;
import static io.hvcluster.testing.FactsFixtures.withOs;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.check.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsAndCpuChecksTest {

    static HostFacts os(HostFacts f, int build, String edition, String type) {
        HostFacts.Os o = f.os();
        return withOs(f, new HostFacts.Os(build, edition, type, o.productName(), o.lastBootUtc(), o.pendingReboot(), o.depAvailable()));
    }

    static HostFacts cpu(HostFacts f, String maker, String model, int arch, boolean vt, boolean slat, boolean hypervisor) {
        HostFacts.Cpu c = f.cpu();
        return withCpu(f, new HostFacts.Cpu(maker, model, arch, c.sockets(), c.logicalProcessors(), vt, slat, hypervisor));
    }

    @Test
    void osVersionTripsOnAHostNotRunningTheTargetBuild() {
        List<Finding> f = Scenario.fresh().host("HV02", h -> os(h, 17763, "ServerDatacenter", "Server Core")).run(new OsVersionCheck());
        assertThat(f).containsExactly(new Finding(Severity.ERROR, "HV02", "os-version",
                "build 17763 (Windows Server 2022 Datacenter)",
                "build 20348: the inventory's cluster.os is windows-server-2022, and every node runs the same version",
                "install Windows Server 2022 on HV02, or set cluster.os to the version every node runs"));
    }

    @Test
    void osVersionPassesWhenEveryHostRunsTheTarget() {
        assertThat(Scenario.fresh().run(new OsVersionCheck())).isEmpty();
    }

    @Test
    void osEditionTripsOnEssentialsAndWarnsOnMixedEditions() {
        List<Finding> f = Scenario.fresh().host("HV03", h -> os(h, 20348, "ServerSolution", "Server Core")).run(new OsEditionCheck());
        assertThat(f).extracting(Finding::severity, Finding::host).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "HV03"), org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "cluster"));
        assertThat(f.get(0).found()).startsWith("edition ServerSolution");
        assertThat(f.get(1).found()).isEqualTo("different editions: ServerDatacenter on HV01, HV02; ServerSolution on HV03");
    }

    @Test
    void osEditionPassesForEvaluationEditionsEverywhere() {
        Scenario s = Scenario.fresh();
        for (String h : List.of("HV01", "HV02", "HV03")) {
            s.host(h, x -> os(x, 20348, "ServerDatacenterEval", "Server Core"));
        }
        assertThat(s.run(new OsEditionCheck())).isEmpty();
    }

    @Test
    void installationTypeWarnsWhenCoreAndDesktopMix() {
        List<Finding> f = Scenario.fresh().host("HV01", h -> os(h, 20348, "ServerDatacenter", "Server")).run(new InstallationTypeCheck());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.found()).isEqualTo("different installation types: Server on HV01; Server Core on HV02, HV03");
        });
    }

    @Test
    void installationTypePassesWhenAllAlike() {
        assertThat(Scenario.fresh().run(new InstallationTypeCheck())).isEmpty();
    }

    @Test
    void architectureTripsOnAnythingButX64() {
        List<Finding> f = Scenario.fresh().host("HV02", h -> cpu(h, "GenuineIntel", h.cpu().model(), 12, true, true, false))
                .run(new CpuArchitectureCheck());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.found()).startsWith("processor architecture 12");
        });
    }

    @Test
    void architecturePassesOnX64() {
        assertThat(Scenario.fresh().run(new CpuArchitectureCheck())).isEmpty();
    }

    @Test
    void virtualizationTripsWhenOffInFirmwareAndWithoutSlat() {
        List<Finding> f = Scenario.fresh().host("HV01", h -> cpu(h, "GenuineIntel", h.cpu().model(), 9, false, false, false))
                .run(new VirtualizationCheck());
        assertThat(f).extracting(Finding::found).containsExactly("hardware virtualization is off in the firmware",
                "the processor reports no second level address translation");
        assertThat(f.get(0).fix()).contains("enable Intel VT-x", "HV01");
    }

    @Test
    void virtualizationIsNotJudgedWhileAHypervisorRuns() {
        // Windows reads both flags as false once Hyper-V runs: a converged node must not trip.
        assertThat(Scenario.converged().run(new VirtualizationCheck())).isEmpty();
        assertThat(Scenario.fresh().run(new VirtualizationCheck())).isEmpty();
    }

    @Test
    void depTripsWhenUnavailable() {
        List<Finding> f = Scenario.fresh().host("HV03", h -> withOs(h, new HostFacts.Os(20348, "ServerDatacenter", "Server Core",
                "x", h.os().lastBootUtc(), false, false))).run(new DepCheck());
        assertThat(f).singleElement().satisfies(x -> assertThat(x.fix()).contains("No-Execute (NX)", "HV03"));
    }

    @Test
    void depPassesWhenAvailable() {
        assertThat(Scenario.fresh().run(new DepCheck())).isEmpty();
    }

    @Test
    void cpuConsistencyIsAnErrorAcrossVendorsAndAWarningAcrossModels() {
        List<Finding> vendors = Scenario.fresh().host("HV02", h -> cpu(h, "AuthenticAMD", "AMD EPYC 7763", 9, true, true, false))
                .run(new CpuConsistencyCheck());
        assertThat(vendors).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.found()).isEqualTo("processors from different manufacturers: AuthenticAMD on HV02; GenuineIntel on HV01, HV03");
        });
        List<Finding> models = Scenario.fresh().host("HV02", h -> cpu(h, "GenuineIntel", "Intel(R) Xeon(R) Gold 6430", 9, true, true, false))
                .run(new CpuConsistencyCheck());
        assertThat(models).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.fix()).contains("processor compatibility mode", "CompatibilityForMigrationEnabled");
        });
    }

    @Test
    void cpuConsistencyPassesOnIdenticalProcessors() {
        assertThat(Scenario.fresh().run(new CpuConsistencyCheck())).isEmpty();
    }
}
