package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code hosts:}, each with its NICs keyed by network name. */
final class HostsSectionReader {

    private static final List<String> KEYS = List.of("name", "address", "nics");
    private static final List<String> NIC_KEYS = List.of("mac", "name", "ip");

    private final Problems problems;

    HostsSectionReader(Problems problems) {
        this.problems = problems;
    }

    List<HostDocument> read(List<Located<Node>> items) {
        List<HostDocument> hosts = new ArrayList<>();
        for (Located<Node> item : items) {
            MappingReader.of(item.value(), item.at(), problems).ifPresent(m -> hosts.add(host(m)));
        }
        return hosts;
    }

    private HostDocument host(MappingReader m) {
        m.allowOnly(KEYS);
        Located<String> name = m.requiredText("name");
        Located<String> address = m.requiredText("address");
        if (m.node("nics").isEmpty()) {
            m.reportMissing("nics");
            return new HostDocument(m.at(), name, address, null, List.of());
        }
        List<NicDocument> nics = new ArrayList<>();
        m.map("nics").ifPresent(n -> {
            for (String network : n.keys()) {
                nics.add(nic(n, network));
            }
        });
        return new HostDocument(m.at(), name, address, m.keyAt("nics"), nics);
    }

    private NicDocument nic(MappingReader nics, String network) {
        Anchor at = nics.keyAt(network);
        Optional<MappingReader> m = nics.map(network);
        if (m.isEmpty()) {
            // Written but not a map (already reported): count mac and ip as unreadable, not as missing.
            boolean unreadable = nics.node(network).isPresent();
            return new NicDocument(at, network, null, unreadable, null, null, unreadable);
        }
        MappingReader nic = m.get();
        nic.allowOnly(NIC_KEYS);
        return new NicDocument(at, network, TypedText.mac(nic.text("mac"), problems), nic.node("mac").isPresent(),
                nic.text("name"), TypedText.ipv4(nic.text("ip"), problems), nic.node("ip").isPresent());
    }
}
