package io.hvcluster.capacity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.OptionalDouble;

/**
 * The report as JSON for scripts. The field names are a contract (docs/capacity.md lists them), so the
 * tree is built by hand instead of serialising the records: renaming a Java component must not rename
 * a JSON field. Sizes are numbers in GB, unrounded; a ratio or percentage that has no value is null.
 */
public final class CapacityJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CapacityJson() {
    }

    public static String render(CapacityReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("fits", report.fits());
        root.put("verdict", report.verdict());
        hosts(root.putObject("hosts"), report.hosts());
        ArrayNode groups = root.putArray("groups");
        report.groups().forEach(g -> group(groups.addObject(), g));
        memory(root.putObject("memory"), report.memory());
        cpu(root.putObject("cpu"), report.cpu());
        storage(root.putObject("storage"), report.storage());
        ObjectNode growth = root.putObject("growth");
        growth.put("largestGroup", report.growth().largestGroup().orElse(null));
        growth.put("additionalVms", report.growth().additionalVms());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("severity", f.severity().name());
            node.put("area", f.area().name());
            node.put("message", f.message());
            node.put("fix", f.fix());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            // A tree of strings and numbers always serialises; reaching this is a bug.
            throw new UncheckedIOException(e);
        }
    }

    private static void hosts(ObjectNode node, CapacityReport.Hosts h) {
        node.put("count", h.count());
        node.put("failoverReserve", h.failoverReserve());
        node.put("usable", h.usable());
        node.put("memoryGb", h.memoryGb());
        node.put("parentReserveGb", h.parentReserveGb());
        node.put("usableMemoryGb", h.usableMemoryGb());
        node.put("logicalProcessors", h.logicalProcessors());
    }

    private static void group(ObjectNode node, CapacityReport.Group g) {
        node.put("name", g.name());
        node.put("count", g.count());
        node.put("memoryGbPerVm", g.memoryGbPerVm());
        node.put("overheadMbPerVm", g.overheadMbPerVm());
        node.put("hostRamGbPerVm", g.hostRamGbPerVm());
        node.put("vcpusPerVm", g.vcpusPerVm());
        node.put("diskGbPerVm", g.diskGbPerVm());
        node.put("totalHostRamGb", g.totalHostRamGb());
        node.put("totalVcpus", g.totalVcpus());
        node.put("totalDiskGb", g.totalDiskGb());
        node.put("additionalVmsThatFit", g.additionalVmsThatFit());
    }

    private static void memory(ObjectNode node, CapacityReport.Memory m) {
        node.put("vmMemoryGb", m.vmMemoryGb());
        node.put("overheadGb", m.overheadGb());
        node.put("demandGb", m.demandGb());
        node.put("supplyAllHostsGb", m.supplyAllHostsGb());
        node.put("supplyReserveDownGb", m.supplyReserveDownGb());
        node.put("headroomGb", m.headroomGb());
        optional(node, "headroomPercent", m.headroomPercent());
        optional(node, "utilisationAllHostsPercent", m.utilisationAllHostsPercent());
        optional(node, "utilisationReserveDownPercent", m.utilisationReserveDownPercent());
        node.put("warningPercent", m.warningPercent());
    }

    private static void cpu(ObjectNode node, CapacityReport.Cpu c) {
        node.put("vcpus", c.vcpus());
        node.put("logicalProcessorsAllHosts", c.logicalProcessorsAllHosts());
        node.put("logicalProcessorsReserveDown", c.logicalProcessorsReserveDown());
        optional(node, "ratioAllHosts", c.ratioAllHosts());
        optional(node, "ratioReserveDown", c.ratioReserveDown());
        node.put("maxRatio", c.maxRatio());
        node.put("warningRatio", c.warningRatio());
    }

    private static void storage(ObjectNode node, CapacityReport.Storage s) {
        node.put("vmDisksGb", s.vmDisksGb());
        node.put("vmMemoryGb", s.vmMemoryGb());
        node.put("isoLibraryGb", s.isoLibraryGb());
        node.put("subtotalGb", s.subtotalGb());
        node.put("freeSpacePercent", s.freeSpacePercent());
        node.put("freeSpaceGb", s.freeSpaceGb());
        node.put("totalGb", s.totalGb());
    }

    private static void optional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }
}
