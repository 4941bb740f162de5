package io.hvcluster.inventory.load;

import io.hvcluster.inventory.check.ShownText;
import io.hvcluster.inventory.AuthMethod;
import io.hvcluster.inventory.check.ComputerName;
import io.hvcluster.inventory.check.DomainName;
import io.hvcluster.inventory.check.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Rules for {@code hosts}: how many, their computer names and the addresses WinRM reaches them at. */
final class HostRules {

    static final int MIN_NODES = 2;
    static final int MAX_NODES = 64;
    private static final Pattern DOTTED_DIGITS = Pattern.compile("[0-9.]+");

    private HostRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        List<HostDocument> hosts = d.hosts();
        if (d.hostsAt() != null && hosts.size() < MIN_NODES) {
            problems.add(d.hostsAt().error("a failover cluster needs at least " + MIN_NODES + " nodes; found "
                    + hosts.size()));
        }
        if (d.hostsAt() != null && hosts.size() > MAX_NODES) {
            problems.add(d.hostsAt().error("a failover cluster has at most " + MAX_NODES
                    + " nodes (Windows Server 2016 and later); found " + hosts.size()));
        }
        names(hosts, problems);
        addresses(hosts, kerberos(d), problems);
    }

    private static boolean kerberos(InventoryDocument d) {
        return d.connection() == null || Located.valueOr(d.connection().auth(), AuthMethod.KERBEROS)
                == AuthMethod.KERBEROS;
    }

    private static void names(List<HostDocument> hosts, Problems problems) {
        Map<String, HostDocument> seen = new HashMap<>();
        for (HostDocument h : hosts) {
            if (h.name() == null) {
                continue;
            }
            String name = h.name().value();
            ComputerName.problemWith(name).ifPresent(p -> problems.add(h.name().error(p)));
            HostDocument first = seen.putIfAbsent(name.toUpperCase(Locale.ROOT), h);
            if (first != null) {
                problems.add(h.name().error("duplicate host name '" + ShownText.value(name) + "' (" + first.at().path() + " is '"
                        + first.name().value() + "'; computer names ignore case)"));
            }
        }
    }

    private static void addresses(List<HostDocument> hosts, boolean kerberos, Problems problems) {
        Map<String, HostDocument> seen = new HashMap<>();
        for (HostDocument h : hosts) {
            if (h.address() == null) {
                continue;
            }
            String address = h.address().value();
            boolean ip = DOTTED_DIGITS.matcher(address).matches();
            if (ip && io.hvcluster.inventory.Ipv4.parse(address).isEmpty()) {
                problems.add(h.address().error(TypedText.ipv4Problem(address)));
                continue;
            }
            if (!ip && !DomainName.isHostName(address)) {
                problems.add(h.address().error("'" + ShownText.value(address) + "' is neither a DNS name nor an IPv4 address"));
                continue;
            }
            HostDocument first = seen.putIfAbsent(address.toLowerCase(Locale.ROOT), h);
            if (first != null) {
                problems.add(h.address().error("'" + ShownText.value(address) + "' is already the address of " + first.at().path()));
            }
            if (ip && kerberos) {
                problems.add(h.address().warning("Kerberos needs a DNS name: an IP address has no service principal "
                        + "name unless one was registered; use the host's FQDN"));
            }
            String firstLabel = address.split("\\.")[0];
            boolean validName = h.name() != null && ComputerName.problemWith(h.name().value()).isEmpty();
            if (!ip && validName && !firstLabel.equalsIgnoreCase(h.name().value())) {
                problems.add(h.address().warning("'" + ShownText.value(address) + "' does not start with the host name '"
                        + h.name().value() + "'; check for a copy-paste slip"));
            }
        }
    }
}
