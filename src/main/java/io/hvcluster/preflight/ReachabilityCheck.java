package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.PingResult;
import io.hvcluster.inventory.Host;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every node reaches every other node: on management always (an error when not), and on each private network
 * once both ends hold their addresses (a warning when not; before configure-addresses it is skipped, and the
 * report says so).
 */
final class ReachabilityCheck implements PreflightCheck {

    @Override
    public String id() {
        return "reachability";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        // What cannot be checked yet is folded into one line per reason, whatever the number of hosts it concerns.
        Map<String, List<String>> unaddressed = new LinkedHashMap<>();
        Map<String, List<String>> peerUnaddressed = new LinkedHashMap<>();
        for (Host h : in.hosts()) {
            Optional<PreflightFacts> probe = in.probe(h);
            if (probe.isEmpty()) {
                continue;
            }
            for (PreflightFacts.Ping p : probe.get().pings()) {
                if (p.result() == PingResult.notAddressed) {
                    List<String> hosts = unaddressed.computeIfAbsent(p.network(), n -> new ArrayList<>());
                    String self = h.name() + " (" + p.localAddress() + ")";
                    if (!hosts.contains(self)) {
                        hosts.add(self);
                    }
                } else if (p.result() != PingResult.reachable && !p.localAddress().isEmpty() && !holds(in, p.host(), p.address())) {
                    peerUnaddressed.computeIfAbsent("network '" + p.network() + "': " + p.host() + " does not hold " + p.address()
                            + " yet", k -> new ArrayList<>()).add(h.name());
                } else {
                    check(in, out, h, p);
                }
            }
        }
        unaddressed.forEach((network, hosts) -> {
            if (hosts.size() == 1) {
                String host = hosts.get(0).substring(0, hosts.get(0).indexOf(' '));
                String address = hosts.get(0).substring(host.length() + 2, hosts.get(0).length() - 1);
                out.skipped(host, "network '" + network + "': " + host + " does not hold " + address
                        + " yet; its pings to the other nodes on it run once configure-addresses has run");
            } else {
                out.skipped(CLUSTER, "network '" + network + "': " + String.join(", ", hosts) + " do not hold their addresses yet; "
                        + "their pings to each other run once configure-addresses has run");
            }
        });
        peerUnaddressed.forEach((reason, from) -> out.skipped(from.size() == 1 ? from.get(0) : CLUSTER, reason
                + ", so the ping" + (from.size() == 1 ? "" : "s") + " from " + String.join(", ", from) + (from.size() == 1 ? " is" : " are")
                + " checked once configure-addresses has run"));
    }

    /** Where a line that concerns several hosts is listed (after the hosts, as cluster-wide findings are). */
    private static final String CLUSTER = "cluster";

    private void check(PreflightInput in, Findings out, Host h, PreflightFacts.Ping p) {
        String firewall = "Windows Firewall must allow echo requests (Enable-NetFirewallRule -Name FPS-ICMP4-ERQ-In)";
        boolean management = p.localAddress().isEmpty();
        if (p.result() == PingResult.reachable) {
            return;
        }
        if (management) {
            out.error(h.name(), p.host() + "'s management address " + p.address() + " does not answer a ping from " + h.name(),
                    "every node reaches every other node on '" + p.network() + "'",
                    "check the cabling, VLAN and routing between " + h.name() + " and " + p.host() + "; " + firewall);
            return;
        }
        out.warning(h.name(), p.host() + " (" + p.address() + ") does not answer a ping from " + h.name() + " (" + p.localAddress()
                        + ") on '" + p.network() + "'", "every node reaches every other node on each private network",
                "check that both NICs of '" + p.network() + "' are on the same switch/VLAN (or cable) and Up; " + firewall);
    }

    private static boolean holds(PreflightInput in, String host, String address) {
        return in.inventory().host(host).flatMap(in::facts).map(f -> f.adapters().stream()
                .filter(a -> "Up".equalsIgnoreCase(a.status()))
                .flatMap(a -> a.ipv4().stream()).map(HostFacts.IpAddress::address).anyMatch(address::equals)).orElse(false);
    }
}
