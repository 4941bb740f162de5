package io.hvcluster.inventory.load;

import static io.hvcluster.inventory.check.Problem.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.inventory.CapacitySpec;
import io.hvcluster.testing.InventoryYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capacity section starts on line 37 of the fixture. */
class CapacityRulesTest {

    private static final String CAPACITY = """
            capacity:
              host: { memoryGB: 384, logicalProcessors: 48 }
              parentReserveGB: 8
              failoverReserve: 1
              vmGroups:
                - { name: web, count: 40, memoryGB: 8, vcpus: 2, diskGB: 80 }
            """;

    private static LoadResult withCapacity(String from, String to) {
        return InventoryYaml.base().append(CAPACITY.replace(from, to)).load();
    }

    @Test
    void validCapacityGetsItsDefaults() {
        LoadResult r = InventoryYaml.base().append(CAPACITY).load();
        assertThat(r.problems()).isEmpty();
        assertThat(r.inventory().orElseThrow().capacity()).contains(new CapacitySpec(384, 48, 8, 1, 0, 20, 8,
                List.of(new CapacitySpec.VmGroup("web", 40, 8, 2, 80))));
    }

    @Test
    void failoverReserveMustBeBelowTheHostCount() {
        LoadResult r = withCapacity("failoverReserve: 1", "failoverReserve: 2");
        assertThat(r.problems()).containsExactly(
                error("capacity.failoverReserve", 40, 20, "N+2 needs more than 2 hosts; the inventory has 2"));
    }

    @Test
    void failoverReserveOfTwoFitsFourHosts() {
        LoadResult r = InventoryYaml.base().withHost(3).withHost(4).append(CAPACITY.replace("failoverReserve: 1",
                "failoverReserve: 2")).load();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void memoryMustBePositive() {
        LoadResult r = withCapacity("memoryGB: 384", "memoryGB: 0");
        assertThat(r.problems()).containsExactly(error("capacity.host.memoryGB", 38, 21, "must be greater than 0"));
    }

    @Test
    void parentReserveMustLeaveMemoryForVms() {
        LoadResult r = withCapacity("parentReserveGB: 8", "parentReserveGB: 384");
        assertThat(r.problems()).containsExactly(error("capacity.parentReserveGB", 39, 20,
                "the parent reserve of 384 GB leaves no memory for VMs on a 384 GB host"));
    }

    @Test
    void vmGroupCountMustBeAtLeastOne() {
        LoadResult r = withCapacity("count: 40", "count: 0");
        assertThat(r.problems()).containsExactly(error("capacity.vmGroups[0].count", 42, 27, "must be at least 1"));
    }

    @Test
    void vmLargerThanAHostIsRefused() {
        LoadResult r = withCapacity("vcpus: 2", "vcpus: 64");
        assertThat(r.problems()).containsExactly(error("capacity.vmGroups[0].vcpus", 42, 51,
                "a VM with 64 vCPUs cannot run on a host with 48 logical processors"));
    }

    @Test
    void vmWithMoreMemoryThanAHostOffersIsRefused() {
        LoadResult r = withCapacity("memoryGB: 8,", "memoryGB: 380,");
        assertThat(r.problems()).containsExactly(error("capacity.vmGroups[0].memoryGB", 42, 41,
                "a VM with 380 GB fits on no host (384 GB minus 8 GB for the parent partition)"));
    }

    @Test
    void freeSpacePercentMustBeBelow100() {
        LoadResult r = withCapacity("failoverReserve: 1", "failoverReserve: 1\n  freeSpacePercent: 100");
        assertThat(r.problems()).containsExactly(
                error("capacity.freeSpacePercent", 41, 21, "must be at least 0 and below 100"));
    }

    @Test
    void vmGroupsAreRequired() {
        LoadResult r = withCapacity("  vmGroups:\n    - { name: web, count: 40, memoryGB: 8, vcpus: 2, diskGB: 80 }\n",
                "");
        assertThat(r.problems()).containsExactly(error("capacity.vmGroups", 37, 1, "is required"));
    }

    @Test
    void vmGroupNamesAreUnique() {
        LoadResult r = withCapacity("    - { name: web, count: 40, memoryGB: 8, vcpus: 2, diskGB: 80 }\n",
                "    - { name: web, count: 40, memoryGB: 8, vcpus: 2, diskGB: 80 }\n"
                        + "    - { name: Web, count: 1, memoryGB: 8, vcpus: 2, diskGB: 80 }\n");
        assertThat(r.problems()).containsExactly(
                error("capacity.vmGroups[1].name", 43, 15, "duplicate group name 'Web' (capacity.vmGroups[0])"));
    }

    @Test
    void hostSizesAreRequired() {
        LoadResult r = withCapacity("  host: { memoryGB: 384, logicalProcessors: 48 }\n", "");
        assertThat(r.problems()).containsExactly(error("capacity.host", 37, 1, "is required"));
    }
}
