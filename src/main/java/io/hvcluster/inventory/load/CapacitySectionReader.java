package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the optional {@code capacity:} section. */
final class CapacitySectionReader {

    private static final List<String> KEYS = List.of("host", "parentReserveGB", "failoverReserve", "isoLibraryGB",
            "freeSpacePercent", "maxVcpuPerLogicalProcessor", "vmGroups");
    private static final List<String> HOST_KEYS = List.of("memoryGB", "logicalProcessors");
    private static final List<String> GROUP_KEYS = List.of("name", "count", "memoryGB", "vcpus", "diskGB");

    private final Problems problems;

    CapacitySectionReader(Problems problems) {
        this.problems = problems;
    }

    CapacityDocument read(MappingReader m) {
        m.allowOnly(KEYS);
        Located<Double> memory = null;
        Located<Long> processors = null;
        if (m.node("host").isEmpty()) {
            m.reportMissing("host");
        } else {
            MappingReader host = m.map("host").orElse(null);
            if (host != null) {
                host.allowOnly(HOST_KEYS);
                memory = host.requiredNumber("memoryGB");
                processors = host.requiredWhole("logicalProcessors");
            }
        }
        List<VmGroupDocument> groups = new ArrayList<>();
        if (m.node("vmGroups").isEmpty()) {
            m.reportMissing("vmGroups");
        }
        for (Located<Node> item : m.list("vmGroups")) {
            MappingReader.of(item.value(), item.at(), problems).ifPresent(g -> groups.add(group(g)));
        }
        return new CapacityDocument(m.at(), memory, processors, m.number("parentReserveGB"), m.whole("failoverReserve"),
                m.number("isoLibraryGB"), m.number("freeSpacePercent"), m.number("maxVcpuPerLogicalProcessor"),
                m.node("vmGroups").isPresent() ? m.keyAt("vmGroups") : null, groups);
    }

    private VmGroupDocument group(MappingReader g) {
        g.allowOnly(GROUP_KEYS);
        return new VmGroupDocument(g.at(), g.requiredText("name"), g.requiredWhole("count"),
                g.requiredNumber("memoryGB"), g.requiredWhole("vcpus"), g.requiredNumber("diskGB"));
    }
}
