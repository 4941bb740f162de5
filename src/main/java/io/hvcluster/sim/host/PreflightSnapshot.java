package io.hvcluster.sim.host;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.Answer;
import io.hvcluster.facts.PreflightFacts.PingResult;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What templates/preflight/probe.ps1.vm prints for a simulated host. A ping is answered when the target is up
 * and holds the address on an Up adapter with IPv4 bound, this host has an address in the same subnet on an
 * Up adapter, and the target's firewall lets echo requests in. AD and DNS answers come from the model, AD only
 * through the second hop as the template does it, after the second-hop paths to every other node.
 */
final class PreflightSnapshot {

    private final StepRun run;

    PreflightSnapshot(StepRun run) {
        this.run = run;
    }

    String json(PreflightProbe.Params params) {
        return new FactsParser().write(facts(params));
    }

    PreflightFacts facts(PreflightProbe.Params params) {
        List<PreflightFacts.Ping> pings = new ArrayList<>();
        for (PreflightProbe.PingTarget t : params.pings()) {
            pings.add(new PreflightFacts.Ping(t.network(), t.host(), t.address(), t.localAddress(), ping(t)));
        }
        if (!params.directory()) {
            return new PreflightFacts(PreflightProbe.ID, run.host.name, List.of(), pings, null);
        }
        List<PreflightFacts.Hop> hops = new ArrayList<>();
        PreflightFacts.Directory directory = directory(params, hops);
        return new PreflightFacts(PreflightProbe.ID, run.host.name, List.of(), pings, directory, params.delegation().mechanism(), hops);
    }

    /**
     * The probe's second-hop paths under the mechanism: WMI over DCOM, the remote registry and ADMIN$ to every other
     * node, then the LDAP bind; empty when the mechanism itself failed (then every target gets a "mechanism" hop).
     */
    private Optional<String> hops(PreflightProbe.Params params, List<PreflightFacts.Hop> out) {
        SecondHop hop;
        try {
            hop = SecondHop.enter(run, params.delegation());
        } catch (StepFailure f) {
            for (String t : params.hopTargets()) {
                out.add(new PreflightFacts.Hop(t, "mechanism", false, f.getMessage()));
            }
            out.add(new PreflightFacts.Hop(params.domain(), "mechanism", false, f.getMessage()));
            return Optional.of(f.getMessage());
        }
        for (String t : params.hopTargets()) {
            for (SecondHop.Path p : List.of(SecondHop.Path.WMI_DCOM, SecondHop.Path.REMOTE_REGISTRY, SecondHop.Path.ADMIN_SHARE)) {
                out.add(attempt(hop, t, p));
            }
        }
        PreflightFacts.Hop ldap = attempt(hop, params.domain(), SecondHop.Path.LDAP);
        out.add(ldap);
        return ldap.ok() ? Optional.empty() : Optional.of(ldap.message());
    }

    private static PreflightFacts.Hop attempt(SecondHop hop, String target, SecondHop.Path path) {
        try {
            hop.call(target, path);
            return new PreflightFacts.Hop(target, path.probeName, true, "");
        } catch (StepFailure f) {
            return new PreflightFacts.Hop(target, path.probeName, false, f.getMessage());
        }
    }

    private PingResult ping(PreflightProbe.PingTarget t) {
        if (!t.localAddress().isEmpty() && run.host.adapters.stream().flatMap(a -> a.ipv4.stream()).noneMatch(i -> i.address.equals(t.localAddress()))) {
            return PingResult.notAddressed;
        }
        Optional<WindowsHost> target = run.dc.host(t.host());
        if (target.isEmpty() || target.get().down || target.get().faults.dropsPings) {
            return PingResult.unreachable;
        }
        Optional<NetAdapter.AssignedAddress> there = live(target.get()).stream().filter(i -> i.address.equals(t.address())).findFirst();
        if (there.isEmpty()) {
            return PingResult.unreachable;
        }
        String subnet = SimulatedDatacenter.subnetOf(there.get().address, there.get().prefixLength).toString();
        boolean sameSubnet = live(run.host).stream()
                .filter(i -> t.localAddress().isEmpty() || i.address.equals(t.localAddress()))
                .anyMatch(i -> SimulatedDatacenter.subnetOf(i.address, there.get().prefixLength).toString().equals(subnet));
        return sameSubnet ? PingResult.reachable : PingResult.unreachable;
    }

    /** Addresses that can send and answer: on a visible Up adapter with IPv4 bound, not a duplicate. */
    private static List<NetAdapter.AssignedAddress> live(WindowsHost h) {
        return h.adapters.stream().filter(a -> !a.hidden && "Up".equals(a.status) && a.bound(Bindings.IPV4))
                .flatMap(a -> a.ipv4.stream()).filter(i -> !i.state.equals("Duplicate") && Ipv4.parse(i.address).isPresent()).toList();
    }

    private PreflightFacts.Directory directory(PreflightProbe.Params params, List<PreflightFacts.Hop> hops) {
        String name = params.clusterName();
        String fqdn = name + "." + params.domain();
        String account = params.delegation().domain().split("\\.")[0].toUpperCase(Locale.ROOT) + "\\" + params.delegation().user();
        Optional<String> dns = Optional.ofNullable(run.dc.dns.get(fqdn.toLowerCase(Locale.ROOT)));
        Answer dnsTaken = dns.isPresent() ? Answer.yes : Answer.no;
        List<String> addresses = dns.map(List::of).orElse(List.of());
        ActiveDirectory ad = run.dc.directory;
        Optional<String> unreachable = hops(params, hops);
        if (unreachable.isPresent()) {
            return new PreflightFacts.Directory(account, dnsTaken, addresses, "", Answer.unknown, false, "", "", Answer.unknown, unreachable.get());
        }
        String container = ad.computersContainer();
        boolean enabled = ad.hasComputer(name);
        boolean exists = enabled || ad.isPrestaged(name);
        String dn = exists ? "CN=" + name.toUpperCase(Locale.ROOT) + "," + container : "";
        if (!ad.aclReadable) {
            return new PreflightFacts.Directory(account, dnsTaken, addresses, "", exists ? Answer.yes : Answer.no, enabled, dn, container,
                    Answer.unknown, "Exception calling \"GetAccessRules\" with \"3\" argument(s): \"Access is denied.\"");
        }
        return new PreflightFacts.Directory(account, dnsTaken, addresses, "", exists ? Answer.yes : Answer.no, enabled, dn, container,
                ad.createComputerAllowed ? Answer.yes : Answer.no, "");
    }
}
