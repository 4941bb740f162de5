package io.hvcluster.sim.host;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.Subnet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the simulated hosts share: the hosts themselves, the SAN's disks (with who sees them), the AD
 * domain, DNS, and the failover clusters. Callers synchronize on the instance; {@link ScriptRunner} and
 * {@link SimulatedExecutor} do.
 */
public final class SimulatedDatacenter {

    /** The longest vmms takes to start after WinRM answers again. */
    static final java.time.Duration VMMS_START = java.time.Duration.ofSeconds(15);
    /** The longest a node stays Joining after its host booted. */
    static final java.time.Duration NODE_JOIN = java.time.Duration.ofSeconds(20);

    public Map<String, WindowsHost> hosts = new LinkedHashMap<>();
    /** Local boot disks and SAN LUNs; a host numbers the disks it sees in this order, from 0. */
    public List<SimDisk> disks = new ArrayList<>();
    public ActiveDirectory directory = new ActiveDirectory();
    /** DNS A records, lower-case name to IPv4. */
    public Map<String, String> dns = new LinkedHashMap<>();
    public List<SimulatedCluster> clusters = new ArrayList<>();
    /** The latest time {@link #settle} saw (epoch ms): the "now" of states that change with time. */
    public long clockMillis;
    /** The iSCSI array, when the inventory's storage is iSCSI. */
    public IscsiSan san = new IscsiSan();

    @JsonIgnore
    private Latencies latencies = Latencies.fast();
    /** How long a restart keeps a host down; the bench gives each host and restart its own (estimate.StepWork). */
    @JsonIgnore
    private RestartDowntime restartDowntime = h -> latencies.rebootDowntime();

    public Latencies latencies() {
        return latencies;
    }

    public void setLatencies(Latencies latencies) {
        this.latencies = latencies;
    }

    /** From the start of a restart until WinRM answers again, for the host about to restart (its bootCount is the count before). */
    @FunctionalInterface
    public interface RestartDowntime {
        java.time.Duration of(WindowsHost host);
    }

    public void setRestartDowntime(RestartDowntime downtime) {
        this.restartDowntime = downtime;
    }

    public Optional<WindowsHost> host(String name) {
        return Optional.ofNullable(hosts.get(name.toUpperCase(Locale.ROOT)));
    }

    public WindowsHost requireHost(String name) {
        return host(name).orElseThrow(() -> new IllegalArgumentException("the simulator has no host " + name));
    }

    public Optional<SimulatedCluster> clusterOf(String hostName) {
        return clusters.stream().filter(c -> c.node(hostName).isPresent()).findFirst();
    }

    public Optional<SimulatedCluster> cluster(String name) {
        return clusters.stream().filter(c -> c.name.equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The disks Get-Disk lists on the host, in order: an iSCSI LUN only over the host's sessions to its target, once
     * per session until the Microsoft DSM claims it (docs/windows-behaviour.md, "Shared storage").
     */
    public List<SimDisk> disksVisibleTo(String hostName) {
        List<SimDisk> out = new ArrayList<>();
        for (SimDisk d : disks) {
            if (d.visibleTo.stream().anyMatch(h -> h.equalsIgnoreCase(hostName))) {
                out.addAll(java.util.Collections.nCopies(copiesOn(hostName, d), d));
            }
        }
        return out;
    }

    private int copiesOn(String hostName, SimDisk d) {
        if (d.iscsiTarget == null) {
            return 1;
        }
        WindowsHost h = host(hostName).orElse(null);
        if (h == null) {
            return 0;
        }
        int paths = (int) h.iscsi.pathsTo(d.iscsiTarget);
        return paths > 0 && h.iscsi.claimActive ? 1 : paths;
    }

    public Optional<SimDisk> diskByGuid(String guid) {
        return disks.stream().filter(d -> d.guid.equalsIgnoreCase(guid)).findFirst();
    }

    /** An IPv4 literal resolves to itself; a name through the simulated DNS. */
    public Optional<String> resolve(String name) {
        if (Ipv4.parse(name).isPresent()) {
            return Optional.of(name);
        }
        return Optional.ofNullable(dns.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The node's state at the latest settled time. */
    public String nodeState(SimulatedCluster.Node node) {
        return nodeState(node, clockMillis);
    }

    /**
     * "Up", "Paused", "Down" (its host is restarting or gone) or "Joining" (its host booted and the cluster service
     * is still joining: CLUSTER_NODE_STATE ClusterNodeJoining), at {@code atMillis}.
     */
    public String nodeState(SimulatedCluster.Node node, long atMillis) {
        if (host(node.name).map(h -> h.down).orElse(true)) {
            return "Down";
        }
        if (node.joiningUntilMillis != null && atMillis < node.joiningUntilMillis) {
            return "Joining";
        }
        return node.paused ? "Paused" : "Up";
    }

    // ---- power ----------------------------------------------------------------------------------------------

    /** Schedules a restart of {@code hostName} at {@code at} (shutdown.exe /r); a restart already scheduled stands. */
    public void scheduleRestart(String hostName, Instant at) {
        WindowsHost h = requireHost(hostName);
        if (h.shutdownAtMillis == null && !h.down) {
            h.shutdownAtMillis = at.toEpochMilli();
        }
    }

    /** Whether WinRM on the host answers at {@code now}. */
    public boolean reachable(String hostName, Instant now) {
        settle(now);
        return !requireHost(hostName).down;
    }

    /** Plays every restart that began or ended by {@code now}, in order. */
    public void settle(Instant now) {
        long t = now.toEpochMilli();
        clockMillis = Math.max(clockMillis, t);
        for (WindowsHost h : hosts.values()) {
            boolean moved = true;
            while (moved) {
                moved = false;
                if (!h.down && h.shutdownAtMillis != null && t >= h.shutdownAtMillis) {
                    long start = h.shutdownAtMillis;
                    h.down = true;
                    h.shutdownAtMillis = null;
                    h.upAtMillis = h.faults.neverComesBack ? null : start + restartDowntime.of(h).toMillis();
                    moved = true;
                } else if (h.down && h.upAtMillis != null && t >= h.upAtMillis) {
                    boot(h, h.upAtMillis);
                    moved = true;
                }
            }
        }
    }

    private void boot(WindowsHost h, long at) {
        h.down = false;
        h.upAtMillis = null;
        h.bootCount++;
        h.bootTimeMillis = at;
        h.otherRebootPending = false;
        // The PersistentStore is copied to the ActiveStore at restart (Remove-NetRoute -PolicyStore).
        for (NetAdapter a : h.adapters) {
            if (a.persistentDefaultGateway != null) {
                a.defaultGateway = a.persistentDefaultGateway;
            }
        }
        h.systemLog.add(new SystemEvent(at, 6005, "EventLog", 4, "The Event log service was started."));
        // WinRM answers before the other automatic services have started, and a node rejoins its cluster through
        // Joining (docs/windows-behaviour.md): a fraction of the restart, at most VMMS_START / NODE_JOIN.
        long downtime = latencies.rebootDowntime().toMillis();
        h.vmmsRunningAtMillis = at + Math.min(downtime / 5, VMMS_START.toMillis());
        clusterOf(h.name).flatMap(c -> c.node(h.name)).ifPresent(n -> n.joiningUntilMillis = at + Math.min(downtime / 4, NODE_JOIN.toMillis()));
        if (h.bootsToFinishFeatures > 0) {
            h.bootsToFinishFeatures--;
            if (h.bootsToFinishFeatures > 0) {
                if (h.faults.errorBetweenHyperVRestarts) {
                    h.systemLog.add(new SystemEvent(at, 7026, "Service Control Manager", 2,
                            "The following boot-start or system-start driver(s) did not load: hvservice"));
                }
                // Hyper-V finishes its install with a second restart of its own.
                h.shutdownAtMillis = at + latencies.secondRebootGap().toMillis();
                h.iscsi.boot(h.featureInstalled("Multipath-IO"));
                return;
            }
            h.features.replaceAll((f, s) -> s.equals("InstallPending") ? "Installed" : s);
        }
        h.iscsi.boot(h.featureInstalled("Multipath-IO"));
        if (h.featureInstalled("Hyper-V")) {
            startHypervisor(h, at);
        }
    }

    private void startHypervisor(WindowsHost h, long at) {
        if (h.faults.hypervisorLaunchTypeOff) {
            // bcdedit /set hypervisorlaunchtype off: Windows does not start the hypervisor and logs nothing.
            h.hypervisorRunning = false;
        } else if (!h.virtualizationFirmwareEnabled || h.faults.hypervisorLaunchError) {
            h.hypervisorRunning = false;
            h.systemLog.add(new SystemEvent(at, 41, "Microsoft-Windows-Hyper-V-Hypervisor", 1,
                    "Hypervisor launch failed; Either VMX not present or not enabled in BIOS."));
        } else {
            h.hypervisorRunning = true;
        }
        // vmclusres registers the 'Virtual Machine' resource type once a node runs Hyper-V.
        clusterOf(h.name).ifPresent(c -> c.virtualMachineResourceType = true);
        for (NetAdapter a : h.adapters) {
            if (a.physical() && !a.hidden && !a.bindings.containsKey(Bindings.SWITCH)) {
                a.bindings.put(Bindings.SWITCH, false);
            }
        }
    }

    // ---- cluster networks -----------------------------------------------------------------------------------

    /**
     * Derives the cluster's networks from its nodes' addresses, as the cluster service does: one network per
     * subnet on which every node has an address (APIPA and unbound adapters ignored), named "Cluster Network N"
     * with the role Windows picks by default (3 where a node has a default gateway, else 1). A network stays
     * while any node still has an address on it.
     */
    public void refreshNetworks(SimulatedCluster c) {
        Map<String, Boolean> perSubnetGateway = new LinkedHashMap<>();
        Set<String> common = null;
        Set<String> any = new LinkedHashSet<>();
        for (SimulatedCluster.Node n : c.nodes) {
            Set<String> mine = new LinkedHashSet<>();
            host(n.name).ifPresent(h -> {
                for (NetAdapter a : h.adapters) {
                    if (a.hidden || !"Up".equals(a.status) || !a.bound(Bindings.IPV4)) {
                        continue;
                    }
                    for (NetAdapter.AssignedAddress ip : a.ipv4) {
                        if (ip.origin.equals("WellKnown") || ip.state.equals("Duplicate")) {
                            continue;
                        }
                        String key = subnetOf(ip.address, ip.prefixLength).toString();
                        mine.add(key);
                        perSubnetGateway.merge(key, a.defaultGateway != null, Boolean::logicalOr);
                    }
                }
            });
            any.addAll(mine);
            if (common == null) {
                common = new LinkedHashSet<>(mine);
            } else {
                common.retainAll(mine);
            }
        }
        Set<String> everywhere = common == null ? Set.of() : common;
        c.networks.removeIf(n -> !any.contains(n.address + "/" + prefixOf(n.mask)));
        for (SimulatedCluster.Network n : c.networks) {
            n.state = everywhere.contains(n.address + "/" + prefixOf(n.mask)) ? "Up" : "Partitioned";
        }
        for (String key : everywhere) {
            Subnet s = Subnet.parse(key).orElseThrow();
            boolean known = c.networks.stream().anyMatch(n -> n.address.equals(s.network().toString()) && n.mask.equals(s.mask().toString()));
            if (!known) {
                SimulatedCluster.Network n = new SimulatedCluster.Network();
                c.networkCounter++;
                n.name = "Cluster Network " + c.networkCounter;
                n.address = s.network().toString();
                n.mask = s.mask().toString();
                n.role = perSubnetGateway.getOrDefault(key, false) ? 3 : 1;
                n.id = UUID.nameUUIDFromBytes((c.name + "/" + key + "/" + c.networkCounter).getBytes(StandardCharsets.UTF_8)).toString();
                c.networks.add(n);
            }
        }
    }

    static Subnet subnetOf(String address, int prefixLength) {
        long v = Ipv4.parse(address).orElseThrow().value();
        long mask = prefixLength == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL;
        return new Subnet(new Ipv4(v & mask), prefixLength);
    }

    static int prefixOf(String mask) {
        return Long.bitCount(Ipv4.parse(mask).orElseThrow().value());
    }
}
