package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.Answer;
import io.hvcluster.facts.PreflightFacts.PingResult;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.testing.FactsFixtures;
import io.hvcluster.testing.InventoryFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Hand-built preflight input: an inventory, hosts' facts from {@link FactsFixtures}, and preflight answers
 * (every ping answered as far as addresses allow, a free cluster name the account may create). Tests spoil
 * one thing and run one check.
 */
final class Scenario {

    final Inventory inv;
    Map<String, HostFacts> facts;
    Function<PreflightProbe.PingTarget, PingResult> pings = t -> t.localAddress().isEmpty() ? PingResult.reachable : PingResult.notAddressed;
    PreflightFacts.Directory directory = freeName();
    /** The first node's second-hop paths (none tried unless a test sets them). */
    List<PreflightFacts.Hop> hops = List.of();
    final Map<String, String> probeFailures = new LinkedHashMap<>();

    private Scenario(Inventory inv, Map<String, HostFacts> facts) {
        this.inv = inv;
        this.facts = facts;
    }

    /** Any inventory with any facts (no preflight probe answers beyond the defaults). */
    static Scenario of(Inventory inv, Map<String, HostFacts> facts) {
        return new Scenario(inv, facts);
    }

    /** Three freshly installed nodes of the four-node shape. */
    static Scenario fresh() {
        Inventory inv = InventoryFixtures.nodes(3, TargetOs.WINDOWS_SERVER_2022);
        return new Scenario(inv, FactsFixtures.fresh(inv));
    }

    /** The same three nodes, clustered and converged. */
    static Scenario converged() {
        Inventory inv = InventoryFixtures.nodes(3, TargetOs.WINDOWS_SERVER_2022);
        Scenario s = new Scenario(inv, FactsFixtures.converged(inv));
        s.pings = t -> PingResult.reachable;
        // The cluster's own name is taken, by the cluster.
        s.directory = new PreflightFacts.Directory("CORP\\hvadmin", Answer.yes, List.of("10.0.0.50"), "", Answer.yes, true,
                "CN=HVCL01,OU=Hyper-V,DC=corp,DC=example,DC=com", "OU=Hyper-V,DC=corp,DC=example,DC=com", Answer.no, "");
        return s;
    }

    static PreflightFacts.Directory freeName() {
        return new PreflightFacts.Directory("CORP\\hvadmin", Answer.no, List.of(), "", Answer.no, false, "",
                "OU=Hyper-V,DC=corp,DC=example,DC=com", Answer.yes, "");
    }

    Scenario host(String name, UnaryOperator<HostFacts> change) {
        facts = FactsFixtures.withHost(facts, name, change);
        return this;
    }

    PreflightInput input() {
        Map<String, PreflightFacts> probes = new LinkedHashMap<>();
        for (Host h : inv.hosts()) {
            if (probeFailures.containsKey(h.name())) {
                continue;
            }
            List<PreflightFacts.Ping> answered = PreflightProbe.parameters(inv, h).pings().stream()
                    .map(t -> new PreflightFacts.Ping(t.network(), t.host(), t.address(), t.localAddress(), pings.apply(t))).toList();
            boolean first = h.equals(inv.firstNode());
            probes.put(h.name(), new PreflightFacts("preflight", h.name(), List.of(), answered, first ? directory : null,
                    first ? "delegation" : "", first ? hops : List.of()));
        }
        return new PreflightInput(inv, facts, probes, probeFailures);
    }

    /** The findings of one check. */
    List<Finding> run(PreflightCheck check) {
        return report(check).findings();
    }

    PreflightReport report(PreflightCheck check) {
        return new Preflight(List.of(check)).check(input());
    }
}
