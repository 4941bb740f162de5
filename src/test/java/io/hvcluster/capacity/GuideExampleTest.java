package io.hvcluster.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.hvcluster.capacity.Finding.Area;
import io.hvcluster.capacity.Finding.Severity;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/capacity.md, computed by hand:
 *
 * <pre>
 * Hosts: 4 × 384 GB, 48 LPs; parent reserve 8 GB -> 376 GB usable per host; N+2 -> 2 usable hosts.
 *
 * group  VMs  RAM/VM  overhead/VM             host RAM/VM                 total host RAM    vCPUs       disk
 * web     40    8 GB  32 + 8 × 7  =  88 MB    8 + 88/1024  =  8.0859375   40 × = 323.4375   40 × 2 = 80  40 × 80  = 3200
 * sql      6   64 GB  32 + 8 × 63 = 536 MB   64 + 536/1024 = 64.5234375    6 × = 387.140625  6 × 8 = 48   6 × 500 = 3000
 * rdsh    10   32 GB  32 + 8 × 31 = 280 MB   32 + 280/1024 = 32.2734375   10 × = 322.734375 10 × 8 = 80  10 × 120 = 1200
 *
 * VM RAM 320 + 384 + 320 = 1024 GB; overhead 40 × 88 + 6 × 536 + 10 × 280 = 9536 MB = 9.3125 GB.
 * Demand 1033.3125 GB.
 * Supply all up 4 × 376 = 1504 GB (68.704% used); with 2 down 2 × 376 = 752 GB (137.409% used).
 * Headroom 752 − 1033.3125 = −281.3125 GB = −37.409% of 752 -> DOES NOT FIT.
 *   add hosts: ⌈1033.3125 / 376⌉ = ⌈2.748⌉ = 3 usable + 2 = 5 hosts -> add 1 host.
 *   or RAM:    1033.3125 / 2 = 516.65625 per usable host − 376 = 140.65625 -> add 140.7 GB per host.
 * vCPUs 80 + 48 + 80 = 208; LPs 4 × 48 = 192 all up (1.083), 2 × 48 = 96 with 2 down (2.167).
 *   Limit 4, warning above 0.75 × 4 = 3.0: 2.167 is below both -> no CPU finding.
 * SAN: disks 3200 + 3000 + 1200 = 7400; VM RAM 1024; ISO 500; subtotal 8924;
 *   total 8924 / (1 − 0.20) = 11155 GB; free space 11155 − 8924 = 2231 GB.
 * Largest group: web (40 VMs); more that fit: 0 (no headroom).
 * </pre>
 */
class GuideExampleTest {

    private static final Offset<Double> EXACT = within(1e-9);

    private final CapacityReport report = CapacityPlanner.plan(CapacitySpecs.guideExample(), 4);

    @Test
    void perGroupDemand() {
        assertThat(report.groups())
                .extracting(CapacityReport.Group::name, CapacityReport.Group::overheadMbPerVm,
                        CapacityReport.Group::hostRamGbPerVm, CapacityReport.Group::totalHostRamGb,
                        CapacityReport.Group::totalVcpus, CapacityReport.Group::totalDiskGb)
                .containsExactly(
                        tuple("web", 88.0, 8.0859375, 323.4375, 80L, 3200.0),
                        tuple("sql", 536.0, 64.5234375, 387.140625, 48L, 3000.0),
                        tuple("rdsh", 280.0, 32.2734375, 322.734375, 80L, 1200.0));
    }

    @Test
    void memory() {
        CapacityReport.Memory m = report.memory();
        assertThat(report.hosts().usableMemoryGb()).isEqualTo(376.0);
        assertThat(report.hosts().usable()).isEqualTo(2);
        assertThat(m.vmMemoryGb()).isEqualTo(1024.0);
        assertThat(m.overheadGb()).isCloseTo(9.3125, EXACT);
        assertThat(m.demandGb()).isCloseTo(1033.3125, EXACT);
        assertThat(m.supplyAllHostsGb()).isEqualTo(1504.0);
        assertThat(m.supplyReserveDownGb()).isEqualTo(752.0);
        assertThat(m.headroomGb()).isCloseTo(-281.3125, EXACT);
        assertThat(m.headroomPercent().getAsDouble()).isCloseTo(-37.40857712765957, EXACT);
        assertThat(m.utilisationAllHostsPercent().getAsDouble()).isCloseTo(68.70428856382979, EXACT);
        assertThat(m.utilisationReserveDownPercent().getAsDouble()).isCloseTo(137.40857712765958, EXACT);
    }

    @Test
    void cpu() {
        CapacityReport.Cpu c = report.cpu();
        assertThat(c.vcpus()).isEqualTo(208);
        assertThat(c.logicalProcessorsAllHosts()).isEqualTo(192);
        assertThat(c.logicalProcessorsReserveDown()).isEqualTo(96);
        assertThat(c.ratioAllHosts().getAsDouble()).isCloseTo(208.0 / 192, EXACT);
        assertThat(c.ratioReserveDown().getAsDouble()).isCloseTo(208.0 / 96, EXACT);
        assertThat(c.warningRatio()).isEqualTo(3.0);
    }

    @Test
    void san() {
        CapacityReport.Storage s = report.storage();
        assertThat(s.vmDisksGb()).isEqualTo(7400.0);
        assertThat(s.vmMemoryGb()).isEqualTo(1024.0);
        assertThat(s.isoLibraryGb()).isEqualTo(500.0);
        assertThat(s.subtotalGb()).isEqualTo(8924.0);
        assertThat(s.totalGb()).isCloseTo(11155.0, EXACT);
        assertThat(s.freeSpaceGb()).isCloseTo(2231.0, EXACT);
    }

    @Test
    void verdictAndFix() {
        assertThat(report.fits()).isFalse();
        assertThat(report.growth().largestGroup()).contains("web");
        assertThat(report.growth().additionalVms()).isZero();
        assertThat(report.findings())
                .extracting(Finding::severity, Finding::area, Finding::message, Finding::fix)
                .containsExactly(tuple(Severity.ERROR, Area.MEMORY,
                        "RAM with 2 hosts down: need 1033.3 GB, have 752.0 GB (short 281.3 GB)",
                        "add 1 host (5 in total), or add 140.7 GB RAM per host"));
    }

    // The fix checked: with 5 hosts, 3 usable × 376 = 1128 GB ≥ 1033.3125 -> fits, headroom 94.6875 GB.
    // More web VMs: 94.6875 / 8.0859375 = 11.71 -> 11 (CPU allows (4 × 144 − 208) / 2 = 184).
    @Test
    void addingTheSuggestedHostMakesItFit() {
        CapacityReport withFive = CapacityPlanner.plan(CapacitySpecs.guideExample(), 5);

        assertThat(withFive.fits()).isTrue();
        assertThat(withFive.memory().headroomGb()).isCloseTo(94.6875, EXACT);
        assertThat(withFive.growth().additionalVms()).isEqualTo(11);
    }
}
