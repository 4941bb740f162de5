package io.hvcluster.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void fieldNamesAreTheDocumentedContract() throws Exception {
        JsonNode root = MAPPER.readTree(CapacityJson.render(CapacityPlanner.plan(CapacitySpecs.guideExample(), 4)));

        assertThat(names(root)).containsExactly(
                "fits", "verdict", "hosts", "groups", "memory", "cpu", "storage", "growth", "findings");
        assertThat(names(root.get("hosts"))).containsExactly(
                "count", "failoverReserve", "usable", "memoryGb", "parentReserveGb", "usableMemoryGb",
                "logicalProcessors");
        assertThat(names(root.get("groups").get(0))).containsExactly(
                "name", "count", "memoryGbPerVm", "overheadMbPerVm", "hostRamGbPerVm", "vcpusPerVm", "diskGbPerVm",
                "totalHostRamGb", "totalVcpus", "totalDiskGb", "additionalVmsThatFit");
        assertThat(names(root.get("memory"))).containsExactly(
                "vmMemoryGb", "overheadGb", "demandGb", "supplyAllHostsGb", "supplyReserveDownGb", "headroomGb",
                "headroomPercent", "utilisationAllHostsPercent", "utilisationReserveDownPercent", "warningPercent");
        assertThat(names(root.get("cpu"))).containsExactly(
                "vcpus", "logicalProcessorsAllHosts", "logicalProcessorsReserveDown", "ratioAllHosts",
                "ratioReserveDown", "maxRatio", "warningRatio");
        assertThat(names(root.get("storage"))).containsExactly(
                "vmDisksGb", "vmMemoryGb", "isoLibraryGb", "subtotalGb", "freeSpacePercent", "freeSpaceGb", "totalGb");
        assertThat(names(root.get("growth"))).containsExactly("largestGroup", "additionalVms");
        assertThat(names(root.get("findings").get(0))).containsExactly("severity", "area", "message", "fix");
    }

    @Test
    void valuesRoundTripAsNumbersNotStrings() throws Exception {
        JsonNode root = MAPPER.readTree(CapacityJson.render(CapacityPlanner.plan(CapacitySpecs.guideExample(), 4)));

        assertThat(root.get("fits").isBoolean()).isTrue();
        assertThat(root.get("fits").asBoolean()).isFalse();
        assertThat(root.get("verdict").asText()).startsWith("DOES NOT FIT: RAM with 2 hosts down");
        assertThat(root.at("/memory/demandGb").isNumber()).isTrue();
        assertThat(root.at("/memory/demandGb").asDouble()).isEqualTo(1033.3125);
        assertThat(root.at("/memory/headroomGb").asDouble()).isEqualTo(-281.3125);
        assertThat(root.at("/cpu/vcpus").isIntegralNumber()).isTrue();
        assertThat(root.at("/cpu/vcpus").asLong()).isEqualTo(208);
        assertThat(root.at("/storage/totalGb").asDouble()).isEqualTo(11155.0);
        assertThat(root.at("/groups/1/name").asText()).isEqualTo("sql");
        assertThat(root.at("/groups/1/overheadMbPerVm").asDouble()).isEqualTo(536.0);
        assertThat(root.at("/growth/largestGroup").asText()).isEqualTo("web");
        assertThat(root.at("/findings/0/severity").asText()).isEqualTo("ERROR");
        assertThat(root.at("/findings/0/area").asText()).isEqualTo("MEMORY");
    }

    @Test
    void figuresWithoutAValueAreNull() throws Exception {
        // 2 hosts with N+2: no usable host, so the reserve-down ratio and percentages have no value.
        JsonNode root = MAPPER.readTree(CapacityJson.render(
                CapacityPlanner.plan(CapacitySpecs.hosts256(2, CapacitySpecs.app(1)), 2)));

        assertThat(root.at("/memory/headroomPercent").isNull()).isTrue();
        assertThat(root.at("/memory/utilisationReserveDownPercent").isNull()).isTrue();
        assertThat(root.at("/cpu/ratioReserveDown").isNull()).isTrue();
        assertThat(root.at("/cpu/ratioAllHosts").isNumber()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
