package io.hvcluster.capacity;

import static io.hvcluster.capacity.CapacitySpecs.app;
import static io.hvcluster.capacity.CapacitySpecs.hosts256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.hvcluster.capacity.Finding.Area;
import io.hvcluster.capacity.Finding.Severity;
import io.hvcluster.inventory.CapacitySpec;
import io.hvcluster.inventory.CapacitySpec.VmGroup;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CapacityPlannerTest {

    private static final Offset<Double> EXACT = within(1e-9);

    // 4 hosts × 256 GB, 8 GB parent reserve -> 248 GB usable per host; N+2 -> 2 usable hosts -> 496 GB.
    // 20 app VMs × (16 GB + 152 MB) = 20 × 16.1484375 = 322.96875 GB.
    // Headroom 496 − 322.96875 = 173.03125 GB = 34.885...% of 496.
    // Utilisation: all up 322.96875 / 992 = 32.557...%; 2 down 322.96875 / 496 = 65.114...% (< 85%, no warning).
    // vCPUs 20 × 4 = 80; LPs 4 × 32 = 128 up, 2 × 32 = 64 down -> ratios 0.625 and 1.25 (< 3.0, no warning).
    // More app VMs: RAM 173.03125 / 16.1484375 = 10.71; CPU (4 × 64 − 80) / 4 = 44 -> 10.
    @Test
    void fourNodeNPlus2ClusterThatFits() {
        CapacityReport report = CapacityPlanner.plan(hosts256(2, app(20)), 4);

        assertThat(report.fits()).isTrue();
        assertThat(report.verdict()).isEqualTo("FITS");
        assertThat(report.hosts().usable()).isEqualTo(2);
        assertThat(report.hosts().usableMemoryGb()).isEqualTo(248.0);
        assertThat(report.memory().demandGb()).isCloseTo(322.96875, EXACT);
        assertThat(report.memory().supplyAllHostsGb()).isEqualTo(992.0);
        assertThat(report.memory().supplyReserveDownGb()).isEqualTo(496.0);
        assertThat(report.memory().headroomGb()).isCloseTo(173.03125, EXACT);
        assertThat(report.memory().headroomPercent().getAsDouble()).isCloseTo(173.03125 / 496 * 100, EXACT);
        assertThat(report.memory().utilisationAllHostsPercent().getAsDouble()).isCloseTo(32.5573336693548, within(1e-9));
        assertThat(report.memory().utilisationReserveDownPercent().getAsDouble()).isCloseTo(65.1146673387097, within(1e-9));
        assertThat(report.cpu().vcpus()).isEqualTo(80);
        assertThat(report.cpu().ratioAllHosts().getAsDouble()).isEqualTo(0.625);
        assertThat(report.cpu().ratioReserveDown().getAsDouble()).isEqualTo(1.25);
        assertThat(report.growth().largestGroup()).contains("app");
        assertThat(report.growth().additionalVms()).isEqualTo(10);
        assertThat(report.findings()).isEmpty();
    }

    // 35 app VMs: 35 × 16.1484375 = 565.1953125 GB > 496 GB -> short by 69.1953125 GB.
    // Fix by hosts: ⌈565.1953125 / 248⌉ = ⌈2.28⌉ = 3 usable + 2 reserve = 5 hosts -> add 1.
    // Fix by RAM: 565.1953125 / 2 = 282.59765625 per usable host − 248 = 34.59765625 -> 34.6 GB per host.
    @Test
    void fourNodeNPlus2ClusterThatDoesNotFit() {
        CapacityReport report = CapacityPlanner.plan(hosts256(2, app(35)), 4);

        assertThat(report.fits()).isFalse();
        assertThat(report.memory().headroomGb()).isCloseTo(-69.1953125, EXACT);
        assertThat(report.growth().additionalVms()).isZero();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.area()).isEqualTo(Area.MEMORY);
            assertThat(f.message()).isEqualTo(
                    "RAM with 2 hosts down: need 565.2 GB, have 496.0 GB (short 69.2 GB)");
            assertThat(f.fix()).isEqualTo("add 1 host (5 in total), or add 34.6 GB RAM per host");
        });
        assertThat(report.verdict()).isEqualTo("DOES NOT FIT: " + report.findings().get(0).message());
    }

    // The same 35 VMs (565.1953125 GB) on the same 4 hosts:
    //   N+1: 3 usable × 248 = 744 GB -> fits, 565.1953125 / 744 = 75.97% used (< 85%, no warning).
    //   N+2: 2 usable × 248 = 496 GB -> does not fit.
    @Test
    void nPlus1FitsWhereNPlus2DoesNot() {
        CapacityReport nPlus1 = CapacityPlanner.plan(hosts256(1, app(35)), 4);
        CapacityReport nPlus2 = CapacityPlanner.plan(hosts256(2, app(35)), 4);

        assertThat(nPlus1.memory().supplyReserveDownGb()).isEqualTo(744.0);
        assertThat(nPlus2.memory().supplyReserveDownGb()).isEqualTo(496.0);
        assertThat(nPlus1.memory().utilisationReserveDownPercent().getAsDouble())
                .isCloseTo(565.1953125 / 744 * 100, EXACT);
        assertThat(nPlus1.fits()).isTrue();
        assertThat(nPlus2.fits()).isFalse();
        // N+1 fits but the guide recommends N+2: advice, not a failure.
        assertThat(nPlus1.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.area()).isEqualTo(Area.FAILOVER);
            assertThat(f.fix()).contains("N+2");
        });
    }

    @Test
    void noFailoverReserveIsAWarning() {
        CapacityReport report = CapacityPlanner.plan(hosts256(0, app(1)), 4);

        assertThat(report.fits()).isTrue();
        assertThat(report.hosts().usable()).isEqualTo(4);
        assertThat(report.findings()).extracting(Finding::severity, Finding::area)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.WARNING, Area.FAILOVER));
    }

    // 27 app VMs: 27 × 16.1484375 = 436.0078125 GB of 496 -> 87.90% used with 2 down: above 85%, a warning.
    // To get back to 85%: 436.0078125 / (2 × 0.85) = 256.475... per usable host − 248 = 8.475... -> 8.5 GB.
    // 26 VMs: 419.859375 / 496 = 84.65% -> no warning.
    @Test
    void ramAbove85PercentWithTheReserveDownIsAWarning() {
        CapacityReport tight = CapacityPlanner.plan(hosts256(2, app(27)), 4);
        CapacityReport comfortable = CapacityPlanner.plan(hosts256(2, app(26)), 4);

        assertThat(tight.fits()).isTrue();
        assertThat(tight.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.area()).isEqualTo(Area.MEMORY);
            assertThat(f.message()).isEqualTo("RAM with 2 hosts down is 87.9% used, above 85.0%");
            assertThat(f.fix()).isEqualTo("add a host, or add 8.5 GB RAM per host to get back under 85.0%");
        });
        assertThat(comfortable.findings()).isEmpty();
    }

    // 4 hosts × 16 LPs, N+1 -> 3 × 16 = 48 LPs with one down; limit 4 -> at most 4 × 48 = 192 vCPUs.
    // 24 VMs × 8 vCPUs = 192 -> ratio exactly 4.00: fits, but above 75% of the limit (3.00): a warning.
    // RAM is no constraint: 24 × (1 GB + 32 MB) = 24.75 GB of 3 × 248 GB.
    @Test
    void cpuRatioExactlyAtTheLimitFitsWithAWarning() {
        CapacityReport report = CapacityPlanner.plan(cpuSpec(new VmGroup("vdi", 24, 1, 8, 40)), 4);

        assertThat(report.cpu().logicalProcessorsReserveDown()).isEqualTo(48);
        assertThat(report.cpu().ratioReserveDown().getAsDouble()).isEqualTo(4.0);
        assertThat(report.fits()).isTrue();
        assertThat(report.findings()).filteredOn(f -> f.area() == Area.CPU).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("vCPU : LP ratio with 1 host down is 4.00, above 75.0% of the limit of 4.00");
        });
        assertThat(report.growth().additionalVms()).isZero();
    }

    // One vCPU more than the limit: 192 + 1 = 193 vCPUs on 48 LPs = 4.02 > 4.00 -> does not fit.
    // Hosts needed: ⌈193 / (4 × 16)⌉ = ⌈3.02⌉ = 4 usable + 1 reserve = 5 -> add 1. Excess: 193 − 192 = 1 vCPU.
    @Test
    void cpuRatioOneVcpuAboveTheLimitDoesNotFit() {
        CapacityReport report = CapacityPlanner.plan(
                cpuSpec(new VmGroup("vdi", 24, 1, 8, 40), new VmGroup("jump", 1, 1, 1, 40)), 4);

        assertThat(report.fits()).isFalse();
        assertThat(report.findings()).filteredOn(f -> f.area() == Area.CPU).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo(
                    "vCPU : LP ratio with 1 host down is 4.02, above the limit of 4.00 (193 vCPUs on 48 LPs)");
            assertThat(f.fix()).isEqualTo(
                    "add 1 host (5 in total), or remove 1 vCPU, e.g. reduce vCPUs of group 'vdi'");
        });
    }

    // 18 × 8 = 144 vCPUs on 48 LPs = 3.00: exactly 75% of the limit is not above it -> no warning.
    @Test
    void cpuRatioExactlyAtTheWarningShareIsNotAWarning() {
        CapacityReport report = CapacityPlanner.plan(cpuSpec(new VmGroup("vdi", 18, 1, 8, 40)), 4);

        assertThat(report.cpu().ratioReserveDown().getAsDouble()).isEqualTo(3.0);
        assertThat(report.findings()).noneMatch(f -> f.area() == Area.CPU);
    }

    // Hosts of 128 GB − 8 GB reserve = 120 GB usable. A 120 GB VM needs 120 + (32 + 8 × 119) / 1024
    // = 120 + 0.9609375 = 120.9609375 GB: more than a host has, even though 8 hosts hold 960 GB in total.
    // Largest VM that fits: ⌊(1024 × 120 − 24) / 1032⌋ = 119 GB. Or add 0.9609375 -> 1.0 GB per host.
    @Test
    void aVmWithMoreRamThanAHostDoesNotFitAndNamesItsGroup() {
        CapacitySpec spec = new CapacitySpec(128, 32, 8, 2, 0, 20, 4, List.of(
                new VmGroup("web", 4, 4, 2, 60), new VmGroup("sql", 1, 120, 8, 500)));

        CapacityReport report = CapacityPlanner.plan(spec, 8);

        assertThat(report.memory().headroomGb()).isPositive();
        assertThat(report.fits()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.area()).isEqualTo(Area.VM_GROUPS);
            assertThat(f.message()).isEqualTo("group 'sql': a VM needs 121.0 GB with overhead but a host offers 120.0 GB");
            assertThat(f.fix()).isEqualTo("reduce memory of group 'sql' to 119 GB or less, or add 1.0 GB RAM per host");
        });
        assertThat(report.groups().get(1).additionalVmsThatFit()).isZero();
    }

    @Test
    void aVmWithMoreVcpusThanAHostHasLogicalProcessorsDoesNotFit() {
        CapacitySpec spec = new CapacitySpec(384, 48, 8, 1, 0, 20, 8, List.of(new VmGroup("big", 1, 64, 64, 100)));

        CapacityReport report = CapacityPlanner.plan(spec, 4);

        assertThat(report.fits()).isFalse();
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("group 'big': a VM has 64 vCPUs but a host has 48 logical processors");
            assertThat(f.fix()).startsWith("reduce vCPUs of group 'big' to 48 or fewer");
        });
    }

    // Disks 10 × 100 = 1000 GB, VM RAM on disk 10 × 16 = 160 GB (without the host-side overhead), ISO 240 GB.
    // Subtotal 1400 GB; 30% free -> 1400 / (1 − 0.30) = 2000 GB total, of which 600 GB free.
    @Test
    void sanSizeAddsDisksRamAndLibraryThenTheFreeSpaceMargin() {
        CapacitySpec spec = new CapacitySpec(256, 32, 8, 2, 240, 30, 4, List.of(app(10)));

        CapacityReport.Storage san = CapacityPlanner.plan(spec, 4).storage();

        assertThat(san.vmDisksGb()).isEqualTo(1000.0);
        assertThat(san.vmMemoryGb()).isEqualTo(160.0);
        assertThat(san.isoLibraryGb()).isEqualTo(240.0);
        assertThat(san.subtotalGb()).isEqualTo(1400.0);
        assertThat(san.totalGb()).isCloseTo(2000.0, EXACT);
        assertThat(san.freeSpaceGb()).isCloseTo(600.0, EXACT);
    }

    // 2 hosts with N+2: nothing is left to run VMs. The 10 app VMs alone (161.484375 GB) need
    // ⌈161.484375 / 248⌉ = 1 usable host + 2 reserve = 3 hosts -> add 1.
    @Test
    void reserveEqualToTheHostCountLeavesNoUsableHost() {
        CapacityReport report = CapacityPlanner.plan(hosts256(2, app(10)), 2);

        assertThat(report.fits()).isFalse();
        assertThat(report.hosts().usable()).isZero();
        assertThat(report.memory().supplyReserveDownGb()).isZero();
        assertThat(report.memory().headroomPercent()).isEmpty();
        assertThat(report.memory().utilisationReserveDownPercent()).isEmpty();
        assertThat(report.cpu().ratioReserveDown()).isEmpty();
        assertThat(report.growth().additionalVms()).isZero();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.area()).isEqualTo(Area.FAILOVER);
            assertThat(f.message()).isEqualTo("failover reserve N+2 leaves no usable host out of 2 hosts");
            assertThat(f.fix()).isEqualTo("add 1 host (3 in total), or lower failoverReserveHosts");
        });
    }

    // Reserve 3 on 2 hosts, and 40 VMs (645.9375 GB): ⌈645.9375 / 248⌉ = 3 usable + 3 reserve = 6 -> add 4.
    @Test
    void reserveAboveTheHostCountSizesTheFixForTheDemand() {
        CapacityReport report = CapacityPlanner.plan(hosts256(3, app(40)), 2);

        assertThat(report.hosts().usable()).isZero();
        assertThat(report.findings()).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("add 4 hosts (6 in total), or lower failoverReserveHosts"));
    }

    // No VMs: demand 0, the SAN holds only the 500 GB library: 500 / 0.8 = 625 GB.
    @Test
    void zeroVmGroupsFitTriviallyAndSaySo() {
        CapacitySpec spec = new CapacitySpec(384, 48, 8, 2, 500, 20, 4, List.of());

        CapacityReport report = CapacityPlanner.plan(spec, 4);

        assertThat(report.fits()).isTrue();
        assertThat(report.memory().demandGb()).isZero();
        assertThat(report.cpu().ratioReserveDown().getAsDouble()).isZero();
        assertThat(report.storage().totalGb()).isEqualTo(625.0);
        assertThat(report.growth().largestGroup()).isEmpty();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("no VMs to place: the plan fits trivially");
        });
    }

    // Integer.MAX_VALUE VMs with Integer.MAX_VALUE vCPUs each: (2^31 − 1)^2 = 4611686014132420609 vCPUs,
    // which overflows an int but not a long; RAM 2147483647 × ~1e6 GB stays a finite double.
    // Four hosts of 1e9 GB are far too few: ⌈2.147e15 / 1e9⌉ ≈ 2.15 million hosts, still a long.
    @Test
    void hugeNumbersDoNotOverflow() {
        int max = Integer.MAX_VALUE;
        CapacitySpec spec = new CapacitySpec(1e9, max, 8, 2, 1e9, 20, 4,
                List.of(new VmGroup("huge", max, 1e6, max, 1e6)));

        CapacityReport report = CapacityPlanner.plan(spec, 4);

        assertThat(report.cpu().vcpus()).isEqualTo(4611686014132420609L);
        assertThat(report.cpu().logicalProcessorsAllHosts()).isEqualTo(4L * max);
        assertThat(report.findings()).filteredOn(f -> f.area() == Finding.Area.MEMORY).singleElement()
                .satisfies(f -> assertThat(f.fix()).matches("add \\d{7} hosts \\(\\d{7} in total\\), or add .* GB RAM per host"));
        assertThat(report.memory().demandGb()).isFinite().isGreaterThan(2.1e15);
        assertThat(report.storage().totalGb()).isFinite().isPositive();
        assertThat(report.fits()).isFalse();
        assertThat(CapacityTable.render(report)).contains("DOES NOT FIT");
        assertThat(CapacityJson.render(report)).contains("\"vcpus\" : 4611686014132420609");
    }

    @Test
    void aVcpuTotalBeyondALongIsRejectedNotWrapped() {
        int max = Integer.MAX_VALUE;
        CapacitySpec spec = new CapacitySpec(384, 48, 8, 2, 0, 20, 4, List.of(
                new VmGroup("a", max, 1, max, 1), new VmGroup("b", max, 1, max, 1), new VmGroup("c", max, 1, max, 1)));

        assertThatThrownBy(() -> CapacityPlanner.plan(spec, 4))
                .isInstanceOf(InvalidCapacitySpecException.class)
                .hasMessageContaining("capacity.vmGroups: the total vCPU count exceeds");
    }

    @Test
    void invalidValuesAreAllReportedWithTheirPath() {
        CapacitySpec spec = new CapacitySpec(0, 0, -1, -1, -5, 100, 0, List.of(
                new VmGroup("web", -1, 0, 0, -1), new VmGroup("web", 1, 1, 1, 1)));

        assertThatThrownBy(() -> CapacityPlanner.plan(spec, -1))
                .isInstanceOfSatisfying(InvalidCapacitySpecException.class, e -> assertThat(e.problems()).containsExactly(
                        "hosts: the host count must not be negative (got -1)",
                        "capacity.hostMemoryGb: must be greater than 0 (got 0.0)",
                        "capacity.hostLogicalProcessors: must be at least 1 (got 0)",
                        "capacity.parentReserveGb: must not be negative (got -1.0)",
                        "capacity.failoverReserveHosts: must not be negative (got -1)",
                        "capacity.isoLibraryGb: must not be negative (got -5.0)",
                        "capacity.freeSpacePercent: must be at least 0 and below 100 (got 100.0)",
                        "capacity.maxVcpuPerLogicalProcessor: must be greater than 0 (got 0.0)",
                        "capacity.vmGroups[0].count: must not be negative (got -1)",
                        "capacity.vmGroups[0].memoryGb: must be greater than 0 (got 0.0)",
                        "capacity.vmGroups[0].vcpus: must be at least 1 (got 0)",
                        "capacity.vmGroups[0].diskGb: must not be negative (got -1.0)",
                        "capacity.vmGroups[1].name: 'web' is used by another group"));
    }

    @Test
    void aParentReserveAsLargeAsTheHostLeavesNoRamForVms() {
        CapacitySpec spec = new CapacitySpec(8, 16, 8, 1, 0, 20, 4, List.of(app(1)));

        CapacityReport report = CapacityPlanner.plan(spec, 3);

        assertThat(report.fits()).isFalse();
        assertThat(report.hosts().usableMemoryGb()).isZero();
        assertThat(report.findings()).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
                .satisfies(f -> assertThat(f.message())
                        .isEqualTo("the parent reserve of 8.0 GB leaves no RAM for VMs on a 8.0 GB host"));
    }

    @Test
    void findingsListErrorsBeforeWarningsBeforeAdvice() {
        // N+1 (INFO), a 64-vCPU VM on 32-LP hosts (ERROR), 400 vCPUs on 3 × 32 LPs = 4.17 > 4 (ERROR).
        CapacityReport report = CapacityPlanner.plan(
                hosts256(1, new VmGroup("big", 1, 8, 64, 50), new VmGroup("many", 84, 1, 4, 10)), 4);

        assertThat(report.findings()).extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.ERROR, Severity.INFO);
        assertThat(report.verdict()).startsWith("DOES NOT FIT: group 'big': a VM has 64 vCPUs")
                .contains("; vCPU : LP ratio with 1 host down is 4.17");
    }

    /** 256 GB hosts (248 usable) with 16 LPs, N+1, limit 4 vCPU per LP. */
    private static CapacitySpec cpuSpec(VmGroup... groups) {
        return new CapacitySpec(256, 16, 8, 1, 0, 20, 4, List.of(groups));
    }
}
