package io.hvcluster.facts;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.facts.Delegation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders the read-only preflight probe for a host: pings to every other node on management and on each
 * private network, and, on the first node only, the AD and DNS questions about the cluster's name.
 */
public final class PreflightProbe {

    public static final String ID = "preflight";
    public static final String TEMPLATE = "preflight/probe.ps1.vm";

    /**
     * @param pings                what to ping, Java-prepared
     * @param directory            whether to ask AD and DNS (first node only)
     * @param clusterName          the cluster's (CNO) name
     * @param domain               the nodes' domain; the cluster's DNS name is clusterName.domain
     * @param delegation           the account whose rights matter and whose credentials reach AD, and the second-hop
     *                             mechanism create-cluster will use
     * @param hopTargets           the nodes the second-hop paths are tried against (first node only; empty elsewhere)
     */
    public record Params(List<PingTarget> pings, boolean directory, String clusterName, String domain, Delegation delegation,
            List<String> hopTargets) {
    }

    /** @param localAddress this host's address on the network, "" when the ping does not depend on one */
    public record PingTarget(String network, String host, String address, String localAddress) {
    }

    private final ScriptRenderer renderer;
    private final String version;

    public PreflightProbe(ScriptRenderer renderer, String version) {
        this.renderer = renderer;
        this.version = version;
    }

    public static Params parameters(Inventory inventory, Host host) {
        List<PingTarget> pings = new ArrayList<>();
        for (Network net : inventory.networks()) {
            if (net.purpose() != NetworkPurpose.MANAGEMENT && !net.purpose().addressedByTool()) {
                continue;
            }
            Optional<String> local = host.nic(net.name()).flatMap(HostNic::ip).map(Object::toString);
            if (local.isEmpty()) {
                continue;
            }
            for (Host other : inventory.hosts()) {
                if (other.name().equalsIgnoreCase(host.name())) {
                    continue;
                }
                other.nic(net.name()).flatMap(HostNic::ip).ifPresent(ip -> pings.add(new PingTarget(net.name(), other.name(),
                        ip.toString(), net.purpose() == NetworkPurpose.MANAGEMENT ? "" : local.get())));
            }
        }
        String cluster = inventory.cluster().name();
        boolean first = inventory.firstNode().name().equalsIgnoreCase(host.name());
        List<String> hopTargets = first ? inventory.hosts().stream().map(Host::name)
                .filter(n -> !n.equalsIgnoreCase(host.name())).toList() : List.of();
        return new Params(pings, first, cluster, inventory.cluster().domain(), Delegation.of(inventory), hopTargets);
    }

    public String render(Inventory inventory, Host host) {
        Params p = parameters(inventory, host);
        return renderer.render(TEMPLATE, new ScriptHeader(ID, "probe", host.name(), inventory.source(), version, p), p);
    }
}
