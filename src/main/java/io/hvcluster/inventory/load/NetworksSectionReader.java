package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code networks:}, one NIC role per entry. */
final class NetworksSectionReader {

    private static final List<String> KEYS = List.of("name", "purpose", "subnet", "gateway", "dns");

    private final Problems problems;

    NetworksSectionReader(Problems problems) {
        this.problems = problems;
    }

    List<NetworkDocument> read(List<Located<Node>> items) {
        List<NetworkDocument> networks = new ArrayList<>();
        for (Located<Node> item : items) {
            MappingReader.of(item.value(), item.at(), problems).ifPresent(m -> networks.add(network(m)));
        }
        return networks;
    }

    private NetworkDocument network(MappingReader m) {
        m.allowOnly(KEYS);
        List<Located<Ipv4>> dns = new ArrayList<>();
        for (Located<Node> server : m.list("dns")) {
            Located<Ipv4> ip = TypedText.ipv4(NodeValues.text(server.value(), server.at(), problems), problems);
            if (ip != null) {
                dns.add(ip);
            }
        }
        return new NetworkDocument(m.at(), m.requiredText("name"),
                TypedText.choice(m.requiredText("purpose"), "purpose",
                        TypedText.yamlNames(NetworkPurpose.values(), NetworkPurpose::yamlName), NetworkPurpose::fromYaml,
                        problems),
                m.node("subnet").isPresent() ? m.valueAt("subnet") : null, TypedText.subnet(m.text("subnet"), problems), TypedText.ipv4(m.text("gateway"), problems),
                m.node("dns").isPresent() ? m.keyAt("dns") : null, dns);
    }
}
