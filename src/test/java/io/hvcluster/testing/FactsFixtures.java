package io.hvcluster.testing;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.HostFacts.Adapter;
import io.hvcluster.facts.HostFacts.Binding;
import io.hvcluster.facts.HostFacts.IpAddress;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.steps.ConfigureClusterNetworksStep;
import io.hvcluster.steps.FinalValidationStep;
import io.hvcluster.steps.HostSettingsStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Facts of hosts as the probe would report them, built in code: a freshly installed host, and a host of a
 * fully converged cluster. Tests derive drifted facts from these with the {@code with*} helpers.
 */
public final class FactsFixtures {

    private FactsFixtures() {
    }

    static final List<String> DEFAULT_BINDINGS =
            List.of("ms_tcpip", "ms_tcpip6", "ms_msclient", "ms_server", "ms_lltdio", "ms_rspndr", "ms_pacer", "ms_lldp", "ms_implat", "ms_lbfo");

    public static Map<String, HostFacts> fresh(Inventory inv) {
        Map<String, HostFacts> m = new LinkedHashMap<>();
        for (Host h : inv.hosts()) {
            m.put(h.name(), freshHost(inv, h));
        }
        return m;
    }

    public static Map<String, HostFacts> converged(Inventory inv) {
        Map<String, HostFacts> m = new LinkedHashMap<>();
        HostFacts.Cluster cluster = convergedCluster(inv);
        for (Host h : inv.hosts()) {
            m.put(h.name(), convergedHost(inv, h, cluster));
        }
        return m;
    }

    public static HostFacts freshHost(Inventory inv, Host h) {
        List<Adapter> adapters = new ArrayList<>();
        int i = 0;
        for (HostNic nic : h.nics()) {
            Network net = inv.network(nic.network()).orElseThrow();
            String name = nic.currentName().orElse(i == 0 ? "Ethernet" : "Ethernet " + (i + 1));
            boolean mgmt = net.purpose() == NetworkPurpose.MANAGEMENT;
            List<IpAddress> ips = mgmt ? List.of(new IpAddress(nic.ip().orElseThrow().toString(), 24, "Manual", "Preferred")) : List.of();
            adapters.add(new Adapter(name, "Intel(R) Ethernet Controller X710 #" + (i + 1), nic.mac().map(Object::toString).orElse("00-15-5D-FF-FF-0" + i),
                    "Up", 10 + i, "10 Gbps", false, !mgmt, true, mgmt ? List.of("10.0.0.10") : List.of(), mgmt, ips,
                    DEFAULT_BINDINGS.stream().map(b -> new Binding(b, !b.equals("ms_implat") && !b.equals("ms_lbfo"))).toList()));
            i++;
        }
        return new HostFacts("facts", h.name(), List.of(),
                new HostFacts.Os(20348, "ServerDatacenter", "Server Core", "Windows Server 2022 Datacenter", "2026-11-20T08:00:00.0000000Z", false, true),
                new HostFacts.Cpu("GenuineIntel", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", 9, 2, 64, true, true, false),
                new HostFacts.SystemInfo("Contoso", "R740", true, inv.cluster().domain(), 412316860416L),
                List.of(new HostFacts.Feature("Failover-Clustering", "Available"), new HostFacts.Feature("RSAT-Clustering-PowerShell", "Available"),
                        new HostFacts.Feature("Hyper-V", "Available"), new HostFacts.Feature("Hyper-V-PowerShell", "Available")),
                adapters, List.of(adapters.get(0).name()), disks(inv),
                new HostFacts.Cluster("absent", false, "", List.of(), "", List.of(), List.of(), List.of(), List.of(), "", ""),
                new HostFacts.HyperV("absent", List.of(), List.of()), false, null, null, null, null);
    }

    static List<HostFacts.Disk> disks(Inventory inv) {
        List<HostFacts.Disk> d = new ArrayList<>();
        d.add(new HostFacts.Disk(0, "BOOT-0", "BOOT-UID", "AAAA0000-0000-0000-0000-000000000000", 0, "GPT", 240L << 30, false, false, true, "SAS"));
        int n = 1;
        for (var spec : diskSpecs(inv)) {
            // A new LUN: RAW (no partition table, so no GUID), offline (SAN policy OfflineShared).
            d.add(new HostFacts.Disk(n, spec.serial().orElse(""), spec.uniqueId().orElse("UID-" + n), "", 0, "RAW",
                    spec.sizeBytes().orElse(1L << 40), false, true, false, "iSCSI"));
            n++;
        }
        return d;
    }

    static List<io.hvcluster.inventory.DiskSpec> diskSpecs(Inventory inv) {
        List<io.hvcluster.inventory.DiskSpec> all = new ArrayList<>();
        inv.cluster().witness().ifPresent(all::add);
        all.addAll(inv.cluster().sharedVolumes());
        return all;
    }

    static String guid(int n) {
        return String.format("%08X-1111-2222-3333-444455556666", n);
    }

    static HostFacts.Cluster convergedCluster(Inventory inv) {
        List<HostFacts.DiskResource> res = new ArrayList<>();
        List<HostFacts.SharedVolume> csvs = new ArrayList<>();
        int n = 1;
        for (var spec : diskSpecs(inv)) {
            boolean witness = inv.cluster().witness().map(w -> w == spec).orElse(false);
            res.add(new HostFacts.DiskResource(spec.label(), "Online", witness ? "Cluster Group" : "Available Storage", guid(n), ""));
            if (!witness) {
                csvs.add(new HostFacts.SharedVolume(spec.label(), "Online", "C:\\ClusterStorage\\Volume" + (csvs.size() + 1)));
            }
            n++;
        }
        ConfigureClusterNetworksStep.Params p = new ConfigureClusterNetworksStep().parameters(inv, inv.firstNode());
        List<HostFacts.Network> nets = new ArrayList<>();
        int id = 1;
        for (var want : p.networks()) {
            nets.add(new HostFacts.Network(want.name(), want.address(), want.mask(), want.role(), "net-" + id++, "Up"));
        }
        String order = String.join(";", p.migrationOrder().stream().map(name -> idOf(nets, name)).toList());
        String excluded = String.join(";", p.migrationExcluded().stream().map(name -> idOf(nets, name)).toList());
        boolean disk = inv.cluster().effectiveQuorum(inv.hosts().size()) == io.hvcluster.inventory.QuorumMode.NODE_AND_DISK_MAJORITY;
        return new HostFacts.Cluster("Running", true, inv.cluster().name(),
                inv.hosts().stream().map(h -> new HostFacts.Node(h.name(), "Up", "NotInitiated")).toList(),
                disk ? inv.cluster().witness().orElseThrow().label() : "", res, csvs, nets,
                List.of(new HostFacts.Group("Cluster Group", "Cluster", "Online", inv.firstNode().name()),
                        new HostFacts.Group("Available Storage", "AvailableStorage", "Online", inv.firstNode().name())),
                order, excluded);
    }

    private static String idOf(List<HostFacts.Network> nets, String name) {
        return nets.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().id();
    }

    static HostFacts convergedHost(Inventory inv, Host h, HostFacts.Cluster cluster) {
        HostFacts fresh = freshHost(inv, h);
        List<Adapter> adapters = new ArrayList<>();
        List<String> uplinks = inv.networksWith(NetworkPurpose.VIRTUAL_SWITCH).stream().map(Network::name).toList();
        int i = 0;
        for (HostNic nic : h.nics()) {
            Adapter a = fresh.adapters().get(i++);
            Network net = inv.network(nic.network()).orElseThrow();
            boolean priv = net.purpose().addressedByTool();
            boolean uplink = uplinks.contains(nic.network());
            List<IpAddress> ips = priv ? List.of(new IpAddress(nic.ip().orElseThrow().toString(), net.subnet().orElseThrow().prefixLength(), "Manual", "Preferred")) : a.ipv4();
            List<Binding> bindings = new ArrayList<>();
            for (Binding b : a.bindings()) {
                boolean off = uplink && List.of("ms_tcpip", "ms_tcpip6", "ms_msclient", "ms_server", "ms_lltdio", "ms_rspndr").contains(b.componentId());
                bindings.add(new Binding(b.componentId(), b.enabled() && !off));
            }
            bindings.add(new Binding("vms_pp", uplink));
            adapters.add(new Adapter(nic.network(), a.description(), a.mac(), "Up", a.ifIndex(), a.linkSpeed(), false,
                    priv ? false : a.dhcp(), priv ? false : a.registerDns(), priv ? List.of() : a.dnsServers(), priv ? false : a.defaultRoute(),
                    uplink ? List.of() : ips, bindings));
        }
        List<HostFacts.Switch> switches = new ArrayList<>();
        for (var s : inv.cluster().virtualSwitches()) {
            Adapter up = adapters.stream().filter(a -> a.name().equals(s.network())).findFirst().orElseThrow();
            switches.add(new HostFacts.Switch(s.name(), "External", up.description(), s.allowManagementOs()));
        }
        List<HostFacts.HostVlan> vlans = inv.cluster().virtualSwitches().stream().filter(s -> s.allowManagementOs())
                .map(s -> new HostFacts.HostVlan(s.name(), s.vlanId().isPresent() ? "Access" : "Untagged", s.vlanId().orElse(0))).toList();
        return new HostFacts("facts", h.name(), List.of(), fresh.os(),
                new HostFacts.Cpu(fresh.cpu().manufacturer(), fresh.cpu().model(), 9, 2, 64, false, false, true), fresh.system(),
                List.of(new HostFacts.Feature("Failover-Clustering", "Installed"), new HostFacts.Feature("RSAT-Clustering-PowerShell", "Installed"),
                        new HostFacts.Feature("Hyper-V", "Installed"), new HostFacts.Feature("Hyper-V-PowerShell", "Installed")),
                adapters, fresh.sessionAdapters(), withClustered(fresh.disks()), cluster,
                new HostFacts.HyperV("Running", switches, vlans), false,
                // final-validation ran from the first node and approved this configuration
                h.equals(inv.firstNode()) ? new HostFacts.ValidationMark(FinalValidationStep.fingerprint(inv),
                        "C:\\Windows\\Cluster\\Reports\\hvcluster-final-validation-20261125-031840.htm",
                        "HadUnselectedTests, ClusterConditionallyApproved", true, "2026-11-25T03:18:40Z") : null,
                convergedSettings(inv, h), null, null);
    }

    /** What host-settings leaves behind: the inventory's exclusions and settings, Hyper-V's defaults elsewhere. */
    static HostFacts.HostSettings convergedSettings(Inventory inv, Host h) {
        HostSettingsStep.Params p = new HostSettingsStep().parameters(inv, h);
        return new HostFacts.HostSettings("Normal", p.exclusionPaths(), p.exclusionExtensions(), p.exclusionProcesses(),
                p.virtualMachinePath().isEmpty() ? "C:\\ProgramData\\Microsoft\\Windows\\Hyper-V" : p.virtualMachinePath(),
                p.virtualHardDiskPath().isEmpty() ? "C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks" : p.virtualHardDiskPath(),
                !p.migrationEnabled().equals("disable") && !p.migrationEnabled().isEmpty(),
                p.maximumMigrations() > 0 ? p.maximumMigrations() : 2,
                p.performanceOption().isEmpty() ? "Compression" : p.performanceOption(),
                p.authentication().isEmpty() ? "CredSSP" : p.authentication(),
                p.csvBlockCacheMb() >= 0 ? p.csvBlockCacheMb() : 0);
    }

    private static List<HostFacts.Disk> withClustered(List<HostFacts.Disk> disks) {
        // Prepared (GPT, one NTFS volume) and held by the cluster; the GUID keys its resource.
        return disks.stream().map(d -> d.isBoot() ? d : new HostFacts.Disk(d.number(), d.serial(), d.uniqueId(), guid(d.number()), d.signature(),
                "GPT", d.sizeBytes(), true, false, false, d.busType(), false, 1, "NTFS", "")).toList();
    }

    /** A copy of {@code all} with one host's facts changed. */
    public static Map<String, HostFacts> withHost(Map<String, HostFacts> all, String host, UnaryOperator<HostFacts> change) {
        Map<String, HostFacts> m = new LinkedHashMap<>(all);
        m.put(host, change.apply(all.get(host)));
        return m;
    }

    /** A copy of {@code all} with every member's cluster view changed. */
    public static Map<String, HostFacts> withCluster(Map<String, HostFacts> all, UnaryOperator<HostFacts.Cluster> change) {
        Map<String, HostFacts> m = new LinkedHashMap<>();
        all.forEach((k, f) -> m.put(k, f.clusterMember() ? withClusterFacts(f, change.apply(f.cluster())) : f));
        return m;
    }

    public static HostFacts withAdapter(HostFacts f, String name, UnaryOperator<Adapter> change) {
        List<Adapter> a = f.adapters().stream().map(x -> x.name().equals(name) ? change.apply(x) : x).toList();
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), f.features(), a,
                f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static HostFacts withFeature(HostFacts f, String feature, String state) {
        List<HostFacts.Feature> fs = f.features().stream().map(x -> x.name().equals(feature) ? new HostFacts.Feature(feature, state) : x).toList();
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), fs, f.adapters(),
                f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static HostFacts withHyperV(HostFacts f, HostFacts.HyperV hv) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), f.features(), f.adapters(),
                f.sessionAdapters(), f.disks(), f.cluster(), hv, f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static HostFacts withSessionAdapters(HostFacts f, List<String> session) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), f.features(), f.adapters(),
                session, f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static HostFacts withClusterFacts(HostFacts f, HostFacts.Cluster c) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), f.features(), f.adapters(),
                f.sessionAdapters(), f.disks(), c, f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static Adapter renamed(Adapter a, String name) {
        return new Adapter(name, a.description(), a.mac(), a.status(), a.ifIndex(), a.linkSpeed(), a.hidden(), a.dhcp(),
                a.registerDns(), a.dnsServers(), a.defaultRoute(), a.ipv4(), a.bindings());
    }

    public static HostFacts withOs(HostFacts f, HostFacts.Os os) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), os, f.cpu(), f.system(), f.features(), f.adapters(),
                f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static HostFacts withCpu(HostFacts f, HostFacts.Cpu cpu) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), cpu, f.system(), f.features(), f.adapters(),
                f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static HostFacts withSystem(HostFacts f, HostFacts.SystemInfo system) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), system, f.features(), f.adapters(),
                f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    /** {@code f} with the iSCSI initiator's state (the storage section). */
    public static HostFacts withStorage(HostFacts f, HostFacts.Storage storage) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), f.features(), f.adapters(),
                f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), storage, f.runLock());
    }

    public static HostFacts withDisks(HostFacts f, List<HostFacts.Disk> disks) {
        return new HostFacts(f.probe(), f.computerName(), f.errors(), f.os(), f.cpu(), f.system(), f.features(), f.adapters(),
                f.sessionAdapters(), disks, f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }

    public static HostFacts withErrors(HostFacts f, List<HostFacts.SectionError> errors) {
        return new HostFacts(f.probe(), f.computerName(), errors, f.os(), f.cpu(), f.system(), f.features(), f.adapters(),
                f.sessionAdapters(), f.disks(), f.cluster(), f.hyperV(), f.pausedByHvcluster(), f.validationMark(), f.hostSettings(), f.storage(), f.runLock());
    }
}
