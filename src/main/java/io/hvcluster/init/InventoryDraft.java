package io.hvcluster.init;

import io.hvcluster.facts.DiskIdentity;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.TargetOs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a commented inventory from what the read-only probe found on each host: every NIC (name, MAC, speed,
 * address), the disks every host sees, the domain and the OS. What the hosts cannot tell (the cluster's name and
 * address, each NIC's role) is left as {@code ~} with a {@value TodoMarkers#MARK} comment, so the file does not
 * validate until the admin has chosen, and {@code hvcluster validate} lists each one left.
 *
 * <p>Guesses are said to be guesses in the comment next to them: the NIC that carries the WinRM session is the
 * management NIC (it is, by definition, the admins' path to the host), and the smallest shared disk under 10 GB is the
 * witness (Microsoft sizes a witness disk at 512 MB to 1 GB).
 */
public final class InventoryDraft {

    /** One probed host: the name and address the admin gave, and its facts. */
    public record ProbedHost(String name, String address, HostFacts facts) {
    }

    /** The connection the probe used, written back so the inventory reaches the hosts the same way. */
    public record ConnectionDraft(int port, boolean https, String auth, String username, boolean skipCertificateCheck) {
    }

    private static final long MIB = 1024L * 1024;
    private static final long GIB = MIB * 1024;
    private static final long WITNESS_MAX_BYTES = 10 * GIB;
    private static final String MANAGEMENT = "Management";

    private final List<ProbedHost> hosts;
    private final ConnectionDraft connection;
    private final StringBuilder out = new StringBuilder();

    private InventoryDraft(List<ProbedHost> hosts, ConnectionDraft connection) {
        this.hosts = List.copyOf(hosts);
        this.connection = connection;
    }

    /**
     * @param schemaRef where editors find the JSON Schema (relative to the file), or empty to leave the line out
     */
    public static String write(List<ProbedHost> hosts, ConnectionDraft connection, Instant at, Optional<String> schemaRef) {
        return new InventoryDraft(hosts, connection).text(at, schemaRef);
    }

    private String text(Instant at, Optional<String> schemaRef) {
        schemaRef.ifPresent(ref -> line("# yaml-language-server: $schema=" + ref));
        line("#");
        line("# Written by 'hvcluster init' from what " + String.join(", ", hosts.stream().map(ProbedHost::name).toList())
                + " reported (read-only probe) at " + at + ".");
        line("# Every value left as ~ with a " + TodoMarkers.MARK + " comment could not be found on the hosts: choose it.");
        line("# 'hvcluster validate <this file>' lists each one still left, and every other problem, with its line.");
        line("# The field reference is docs/inventory.md.");
        line("");
        List<NicGroup> groups = nicGroups();
        cluster(groups);
        line("");
        networks(groups);
        line("");
        hostsSection(groups);
        line("");
        connectionSection();
        return out.toString();
    }

    // ---- cluster ----------------------------------------------------------------------------------------------

    private void cluster(List<NicGroup> groups) {
        HostFacts first = hosts.get(0).facts();
        line("cluster:");
        todo("  name: ~", "the cluster name (CNO): 1-15 letters, digits or hyphens, not a host's name, e.g. HVCL01");
        String subnet = groups.stream().filter(g -> g.management).findFirst().flatMap(g -> g.subnet).orElse("the management subnet");
        todo("  address: ~", "the cluster's static IPv4 address: free, in " + subnet);
        if (first.system() != null && first.system().partOfDomain() && first.system().domain() != null) {
            line("  domain: " + scalar(first.system().domain()), "the hosts' domain");
        } else {
            todo("  domain: ~", "the AD domain (the hosts are not domain members yet: join them first)");
        }
        Optional<TargetOs> os = first.os() == null ? Optional.empty() : TargetOs.fromBuild(first.os().build());
        if (os.isPresent()) {
            line("  os: " + os.get().yamlName(), first.os().productName() + ", build " + first.os().build() + " on "
                    + sameOn(h -> h.os() != null && h.os().build() == first.os().build()));
        } else {
            todo("  os: ~", "windows-server-2016, -2019, -2022 or -2025 (build " + (first.os() == null ? "unknown" : first.os().build())
                    + " is none of them)");
        }
        line("  quorum: auto", "the witness below whenever one is defined (Microsoft recommends one on every cluster)");
        sharedDisks();
        line("  virtualSwitches:");
        todo("    - { name: External, network: ~ }", "the network (purpose virtual-switch) whose NIC is the switch's uplink");
    }

    private void sharedDisks() {
        List<SharedDisk> shared = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (HostFacts.Disk d : hosts.get(0).facts().disks()) {
            if (d.isBoot() || blank(d.serial()) && blank(d.uniqueId())) {
                continue;
            }
            List<String> seenBy = new ArrayList<>();
            for (ProbedHost h : hosts) {
                if (h.facts().disks().stream().anyMatch(o -> same(o, d))) {
                    seenBy.add(h.name());
                }
            }
            if (seenBy.size() == hosts.size()) {
                shared.add(new SharedDisk(d));
            } else {
                partial.add(id(d) + " (only on " + String.join(", ", seenBy) + ")");
            }
        }
        shared.sort(java.util.Comparator.comparingLong(s -> s.disk.sizeBytes()));
        SharedDisk witness = !shared.isEmpty() && shared.get(0).disk.sizeBytes() <= WITNESS_MAX_BYTES ? shared.remove(0) : null;
        if (witness != null) {
            line("  witness: { label: Witness, " + diskId(witness.disk) + ", sizeMB: " + witness.disk.sizeBytes() / MIB + " }",
                    "guessed: the smallest disk every host sees; " + about(witness.disk));
        } else {
            line("  # witness: no disk of 10 GB or less is visible on every host; present one (512 MB-1 GB) for the quorum,");
            line("  # or use a file share or cloud witness: fileShareWitness: '\\\\server\\share' (see docs/inventory.md)");
        }
        if (shared.isEmpty()) {
            line("  sharedVolumes: []", "no other disk is visible on every host");
        } else {
            line("  sharedVolumes:");
            int n = 0;
            for (SharedDisk s : shared) {
                n++;
                line("    - { label: CSV" + n + ", " + diskId(s.disk) + ", sizeGB: " + s.disk.sizeBytes() / GIB + " }", about(s.disk));
            }
        }
        partial.forEach(p -> line("  # not shared by every host, left out: " + p));
    }

    private record SharedDisk(HostFacts.Disk disk) {
    }

    /** Whether {@code a} is {@code b} by the one disk matcher ({@link DiskIdentity}): its unique id, else its serial. */
    private static boolean same(HostFacts.Disk a, HostFacts.Disk b) {
        if (blank(b.uniqueId()) && blank(b.serial())) {
            return false;
        }
        DiskIdentity id = blank(b.uniqueId()) ? new DiskIdentity(b.serial(), "") : new DiskIdentity("", b.uniqueId());
        return id.matches(a.serial(), a.uniqueId());
    }

    private static String diskId(HostFacts.Disk d) {
        return blank(d.serial()) ? "uniqueId: " + scalar(d.uniqueId()) : "serial: " + scalar(d.serial().strip());
    }

    private static String id(HostFacts.Disk d) {
        return blank(d.serial()) ? d.uniqueId() : d.serial().strip();
    }

    private String about(HostFacts.Disk d) {
        return human(d.sizeBytes()) + ", " + d.busType() + ", " + (d.partitionStyle() == null ? "RAW" : d.partitionStyle())
                + ", on every host (disk " + d.number() + " on " + hosts.get(0).name() + ")";
    }

    // ---- networks ---------------------------------------------------------------------------------------------

    /** One candidate role: the NICs of the same current name on the hosts (fresh installs name them alike). */
    private static final class NicGroup {
        final String name;
        final boolean management;
        final Map<String, HostFacts.Adapter> byHost = new LinkedHashMap<>();
        Optional<String> subnet = Optional.empty();

        NicGroup(String name, boolean management) {
            this.name = name;
            this.management = management;
        }
    }

    private List<NicGroup> nicGroups() {
        NicGroup management = new NicGroup(MANAGEMENT, true);
        Map<String, NicGroup> byName = new LinkedHashMap<>();
        for (ProbedHost h : hosts) {
            List<String> session = h.facts().sessionAdapters();
            for (HostFacts.Adapter a : physical(h.facts())) {
                if (session.contains(a.name())) {
                    management.byHost.putIfAbsent(h.name(), a);
                } else if ("Up".equalsIgnoreCase(a.status())) {
                    byName.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), k -> new NicGroup(a.name(), false)).byHost.put(h.name(), a);
                }
            }
        }
        List<NicGroup> groups = new ArrayList<>();
        if (!management.byHost.isEmpty()) {
            groups.add(management);
        }
        groups.addAll(byName.values());
        for (NicGroup g : groups) {
            g.subnet = g.byHost.values().stream().map(InventoryDraft::address).flatMap(Optional::stream)
                    .map(a -> Cidr.network(a.address(), a.prefixLength())).findFirst();
        }
        return groups;
    }

    private void networks(List<NicGroup> groups) {
        line("# One entry per NIC role; its name becomes the NIC's name on every host. The roles other than management");
        line("# are named after the NICs' current names: rename them (here and under each host's nics) as you like.");
        line("networks:");
        for (NicGroup g : groups) {
            line("  - name: " + scalar(g.name), g.management ? "guessed: the NICs that carry the WinRM session" : "now called '"
                    + g.name + "' on " + String.join(", ", g.byHost.keySet()));
            if (g.management) {
                line("    purpose: management");
            } else {
                todo("    purpose: ~", "cluster, live-migration, iscsi or virtual-switch (delete this network if the NIC stays unused)");
            }
            if (g.subnet.isPresent()) {
                line("    subnet: " + g.subnet.get(), "from the hosts' current addresses");
            } else {
                todo("    subnet: ~", "the role's subnet (CIDR, e.g. 10.10.1.0/24); remove the line for purpose virtual-switch");
            }
            if (g.management) {
                HostFacts.Adapter a = g.byHost.values().iterator().next();
                if (!a.dnsServers().isEmpty()) {
                    line("    dns: [" + String.join(", ", a.dnsServers()) + "]", "the DNS servers the hosts use now");
                }
                if (a.defaultRoute()) {
                    line("    # gateway:   the hosts route through this NIC: write the default gateway here");
                }
            }
        }
    }

    // ---- hosts ------------------------------------------------------------------------------------------------

    private void hostsSection(List<NicGroup> groups) {
        line("hosts:");
        for (ProbedHost h : hosts) {
            line("  - name: " + scalar(h.facts().computerName() == null ? h.name() : h.facts().computerName()));
            line("    address: " + scalar(h.address()));
            line("    nics:");
            for (NicGroup g : groups) {
                HostFacts.Adapter a = g.byHost.get(h.name());
                if (a == null) {
                    todo("      " + key(g.name) + ": { mac: ~ }", h.name() + " has no NIC called '" + g.name
                            + "': give the MAC of the NIC that plays this role");
                    continue;
                }
                Optional<HostFacts.IpAddress> ip = address(a);
                String nic = "{ mac: " + a.mac() + (ip.isPresent() && !g.management || g.management && ip.isPresent()
                        ? ", ip: " + ip.get().address() : ", ip: ~") + " }";
                String about = "'" + a.name() + "', " + a.linkSpeed() + ", " + a.status()
                        + (ip.isPresent() ? ", " + ip.get().address() + "/" + ip.get().prefixLength() + (a.dhcp() ? " (DHCP)" : "")
                                : ", no address");
                if (ip.isPresent()) {
                    line("      " + key(g.name) + ": " + nic, about);
                } else {
                    todo("      " + key(g.name) + ": " + nic, "the host's address in the role's subnet (remove ip for virtual-switch); "
                            + about);
                }
            }
            for (HostFacts.Adapter a : physical(h.facts())) {
                boolean listed = groups.stream().anyMatch(g -> g.byHost.get(h.name()) == a);
                if (!listed) {
                    line("      # not connected, left out: '" + a.name() + "', " + a.mac() + ", " + a.linkSpeed() + ", " + a.status());
                }
            }
        }
    }

    // ---- connection -------------------------------------------------------------------------------------------

    private void connectionSection() {
        line("connection:");
        line("  port: " + connection.port());
        line("  https: " + connection.https());
        line("  auth: " + connection.auth());
        if (blank(connection.username())) {
            todo("  username: ~", "the account hvcluster connects as: user@REALM for Kerberos");
        } else {
            line("  username: " + scalar(connection.username()));
        }
        line("  password: { env: HVCLUSTER_PASSWORD }", "never in this file: set the variable, or use { prompt: true }");
        if (connection.skipCertificateCheck()) {
            line("  skipCertificateCheck: true", "labs only");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<HostFacts.Adapter> physical(HostFacts f) {
        return f.adapters().stream().filter(a -> !a.hidden() && a.physical() && !blank(a.mac()))
                .sorted(java.util.Comparator.comparingInt(HostFacts.Adapter::ifIndex)).toList();
    }

    /** The NIC's usable IPv4 address: an APIPA one (169.254/16) means it has none. */
    private static Optional<HostFacts.IpAddress> address(HostFacts.Adapter a) {
        return a.ipv4().stream().filter(ip -> ip.address() != null && !ip.address().startsWith("169.254.")).findFirst();
    }

    private String sameOn(java.util.function.Predicate<HostFacts> test) {
        List<String> alike = hosts.stream().filter(h -> test.test(h.facts())).map(ProbedHost::name).toList();
        return alike.size() == hosts.size() ? "every host" : String.join(", ", alike) + " only (the preflight will stop on the others)";
    }

    private static String human(long bytes) {
        return bytes >= GIB ? bytes / GIB + " GB" : bytes / MIB + " MB";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A YAML key: plain when safe ("iSCSI 1" is), quoted otherwise. */
    private static String key(String s) {
        return scalar(s);
    }

    /** A YAML scalar: plain when it cannot be read as anything else, double-quoted otherwise. */
    static String scalar(String s) {
        if (s.matches("[A-Za-z][A-Za-z0-9 ._@()-]*") && !s.endsWith(" ") && !s.contains(" #")
                && !s.matches("(?i)(true|false|yes|no|on|off|null|~)")) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line(String text, String comment) {
        out.append(pad(text)).append("# ").append(comment).append('\n');
    }

    private void todo(String text, String what) {
        out.append(pad(text)).append("# ").append(TodoMarkers.MARK).append(": ").append(what).append('\n');
    }

    private static String pad(String text) {
        return text.length() >= 44 ? text + "  " : text + " ".repeat(46 - text.length());
    }
}
