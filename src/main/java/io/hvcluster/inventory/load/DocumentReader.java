package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problems;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** The root of the file: finds the sections and hands each to its reader. */
final class DocumentReader {

    private static final List<String> SECTIONS = List.of("cluster", "networks", "hosts", "connection", "capacity", "hostSettings", "storage");

    private final Problems problems;

    DocumentReader(Problems problems) {
        this.problems = problems;
    }

    /** The document as read, or null when the root is not a map (already reported). */
    InventoryDocument read(Node root) {
        MappingReader m = MappingReader.of(root, NodeValues.anchorOf(root, ""), problems).orElse(null);
        if (m == null) {
            return null;
        }
        m.allowOnly(SECTIONS);
        for (String required : List.of("cluster", "networks", "hosts", "connection")) {
            if (m.node(required).isEmpty()) {
                m.reportMissing(required);
            }
        }
        ClusterDocument cluster = m.map("cluster").map(new ClusterSectionReader(problems)::read).orElse(null);
        List<NetworkDocument> networks = new NetworksSectionReader(problems).read(m.list("networks"));
        List<HostDocument> hosts = new HostsSectionReader(problems).read(m.list("hosts"));
        ConnectionDocument connection = m.map("connection").map(new ConnectionSectionReader(problems)::read)
                .orElse(null);
        CapacityDocument capacity = m.map("capacity").map(new CapacitySectionReader(problems)::read).orElse(null);
        HostSettingsDocument hostSettings = m.map("hostSettings").map(new HostSettingsSectionReader()::read).orElse(null);
        StorageDocument storage = m.map("storage").map(new StorageSectionReader(problems)::read).orElse(null);
        boolean networksReadable = m.node("networks").filter(n -> n instanceof SequenceNode seq
                && seq.getValue().stream().allMatch(item -> item instanceof MappingNode)).isPresent();
        return new InventoryDocument(m.at(), cluster, writtenAt(m, "networks"), networks, networksReadable,
                writtenAt(m, "hosts"),
                hosts, connection, capacity, hostSettings, storage);
    }

    /**
     * Where a list section is written; null when missing or not a list (reported once), so that rules about its
     * content stay silent ("needs at least 2 nodes; found 0" after "hosts: expected a list" would be a follow-on).
     */
    private static Anchor writtenAt(MappingReader m, String key) {
        return m.node(key).filter(n -> n instanceof SequenceNode).isPresent() ? m.keyAt(key) : null;
    }
}
