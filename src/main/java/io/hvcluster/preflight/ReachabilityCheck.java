package io.hvcluster.preflight;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.PingResult;
import io.hvcluster.inventory.Host;
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
        for (Host h : in.hosts()) {
            Optional<PreflightFacts> probe = in.probe(h);
            if (probe.isEmpty()) {
                continue;
            }
            java.util.Set<String> unaddressed = new java.util.HashSet<>();
            for (PreflightFacts.Ping p : probe.get().pings()) {
                // One line per network this host is not on yet, not one per peer it cannot ping from there.
                if (p.result() != PingResult.notAddressed || unaddressed.add(p.network())) {
                    check(in, out, h, p);
                }
            }
        }
    }

    private void check(PreflightInput in, Findings out, Host h, PreflightFacts.Ping p) {
        String firewall = "Windows Firewall must allow echo requests (Enable-NetFirewallRule -Name FPS-ICMP4-ERQ-In)";
        boolean management = p.localAddress().isEmpty();
        if (p.result() == PingResult.reachable) {
            return;
        }
        if (p.result() == PingResult.notAddressed) {
            out.skipped(h.name(), "network '" + p.network() + "': " + h.name() + " does not hold " + p.localAddress()
                    + " yet; its pings to the other nodes on it run once configure-addresses has run");
            return;
        }
        if (management) {
            out.error(h.name(), p.host() + "'s management address " + p.address() + " does not answer a ping from " + h.name(),
                    "every node reaches every other node on '" + p.network() + "'",
                    "check the cabling, VLAN and routing between " + h.name() + " and " + p.host() + "; " + firewall);
            return;
        }
        if (!holds(in, p.host(), p.address())) {
            out.skipped(h.name(), "network '" + p.network() + "': " + p.host() + " does not hold " + p.address()
                    + " yet, so the ping from " + h.name() + " is checked once configure-addresses has run");
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
