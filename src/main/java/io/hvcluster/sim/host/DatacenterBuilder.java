package io.hvcluster.sim.host;

import io.hvcluster.facts.WindowsFeature;

import io.hvcluster.inventory.DiskSpec;
import io.hvcluster.inventory.IscsiTarget;
import io.hvcluster.inventory.StorageSpec;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.HostNic;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.Ipv4;
import io.hvcluster.inventory.MacAddress;
import io.hvcluster.inventory.Network;
import io.hvcluster.inventory.NetworkPurpose;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds the hosts of an inventory the way freshly installed, domain-joined servers look: default adapter
 * names ("Ethernet", "Ethernet 2", ...) on the inventory's MACs, the management NIC addressed, private NICs on
 * DHCP holding only an APIPA address, default bindings, features Available, the SAN's shared disks visible to
 * every host. The {@code bad...} knobs make hosts the preflight checks must catch.
 */
public final class DatacenterBuilder {

    static final String NIC_MODEL = "Intel(R) Ethernet Controller X710 for 10GbE SFP+";
    static final long WITNESS_DEFAULT_BYTES = 1024L * 1024 * 1024;
    static final long CSV_DEFAULT_BYTES = 2L * 1024 * 1024 * 1024 * 1024;
    static final List<String> FEATURES = WindowsFeature.windowsNames();

    private final Inventory inventory;
    private Secret domainPassword = Secret.of("");
    private Instant bootedAt = Instant.now().minus(Duration.ofHours(1));
    private final Map<String, Consumer<WindowsHost>> tweaks = new HashMap<>();
    private final Map<String, Set<String>> missingNics = new HashMap<>();
    private final Map<String, String> diskOnlyOn = new HashMap<>();
    private final Set<String> mbrDisks = new HashSet<>();
    private Consumer<SimulatedDatacenter> datacenterTweaks = dc -> { };
    private Secret chapSecret = Secret.of("");

    private DatacenterBuilder(Inventory inventory) {
        this.inventory = inventory;
    }

    public static DatacenterBuilder fresh(Inventory inventory) {
        return new DatacenterBuilder(inventory);
    }

    /** The password of the inventory's connection account; the second hop checks it. */
    public DatacenterBuilder domainPassword(Secret password) {
        this.domainPassword = password;
        return this;
    }

    public DatacenterBuilder bootedAt(Instant at) {
        this.bootedAt = at;
        return this;
    }

    /** Another Windows build on one host (e.g. 17763 among 20348s). */
    public DatacenterBuilder badOsBuild(String host, int build) {
        return tweak(host, h -> {
            h.osBuild = build;
            h.productName = productName(build, h.editionId);
        });
    }

    /** Another edition on one host ("ServerStandard"). */
    public DatacenterBuilder badEdition(String host, String editionId) {
        return tweak(host, h -> {
            h.editionId = editionId;
            h.productName = productName(h.osBuild, editionId);
        });
    }

    /** Another installation type on one host ("Server Core"). */
    public DatacenterBuilder badInstallationType(String host, String installationType) {
        return tweak(host, h -> h.installationType = installationType);
    }

    /** Virtualization (VT-x / AMD-V) turned off in the firmware. */
    /**
     * A static default gateway on a host's adapter of {@code network} (before rename-adapters): in the ActiveStore
     * and the PersistentStore, as a gateway typed into the adapter's properties is.
     */
    public DatacenterBuilder staticGateway(String host, String network, String gateway) {
        return tweak(host, h -> {
            NetAdapter a = adapterFor(h, network);
            a.defaultGateway = gateway;
            a.persistentDefaultGateway = gateway;
        });
    }

    public DatacenterBuilder virtualizationOff(String host) {
        return tweak(host, h -> h.virtualizationFirmwareEnabled = false);
    }

    /** Hardware DEP (NX / XD) turned off. */
    public DatacenterBuilder depOff(String host) {
        return tweak(host, h -> h.depAvailable = false);
    }

    /** The NIC of {@code network} is absent from the host: its inventory MAC is found nowhere. */
    public DatacenterBuilder missingNic(String host, String network) {
        missingNics.computeIfAbsent(key(host), k -> new HashSet<>()).add(network);
        return this;
    }

    /** The disk labelled {@code label} is presented to {@code host} only. */
    public DatacenterBuilder diskSeenOnlyBy(String label, String host) {
        diskOnlyOn.put(label, host);
        return this;
    }

    /** Another CPU on one host (live migration between them needs processor compatibility mode). */
    public DatacenterBuilder badCpu(String host, String manufacturer, String model) {
        return tweak(host, h -> {
            h.cpuManufacturer = manufacturer;
            h.cpuModel = model;
        });
    }

    /** A restart pending for a reason outside hvcluster (Windows Update). */
    public DatacenterBuilder pendingReboot(String host) {
        return tweak(host, h -> h.otherRebootPending = true);
    }

    /** The host is in a workgroup, not in the domain. */
    public DatacenterBuilder notJoined(String host) {
        return tweak(host, h -> h.domain = null);
    }

    /** An enabled computer account with the cluster's name already exists (a leftover of an old cluster). */
    public DatacenterBuilder clusterNameTaken() {
        return datacenter(dc -> dc.directory.computerObjects.add(key(inventory.cluster().name())));
    }

    /** A domain admin prestaged the cluster's computer account, disabled, as Microsoft documents. */
    public DatacenterBuilder clusterNamePrestaged() {
        return datacenter(dc -> dc.directory.prestaged.add(key(inventory.cluster().name())));
    }

    /** The cluster's FQDN already has a DNS A record pointing at {@code address}. */
    public DatacenterBuilder clusterNameInDns(String address) {
        return datacenter(dc -> dc.dns.put((inventory.cluster().name() + "." + inventory.cluster().domain()).toLowerCase(Locale.ROOT), address));
    }

    /** The connection account may not create computer objects in the nodes' OU. */
    public DatacenterBuilder noCreateComputerPermission() {
        return datacenter(dc -> dc.directory.createComputerAllowed = false);
    }

    /** The nodes' OU's security descriptor cannot be read, so the permission cannot be checked. */
    public DatacenterBuilder unreadableOuAcl() {
        return datacenter(dc -> dc.directory.aclReadable = false);
    }

    /** The NIC of {@code network} is Disconnected (cable out, switch port down). */
    public DatacenterBuilder nicDown(String host, String network) {
        return tweak(host, h -> adapterFor(h, network).status = "Disconnected");
    }

    /** The NIC of {@code network} links at another speed ("1 Gbps"). */
    public DatacenterBuilder nicLinkSpeed(String host, String network, String speed) {
        return tweak(host, h -> adapterFor(h, network).linkSpeed = speed);
    }

    /** The NIC of {@code network} is another make and model. */
    public DatacenterBuilder nicModel(String host, String network, String description) {
        return tweak(host, h -> adapterFor(h, network).description = description);
    }

    /** The host's firewall drops ICMP echo requests: no other node's ping reaches it. */
    public DatacenterBuilder dropsPings(String host) {
        return tweak(host, h -> h.faults.dropsPings = true);
    }

    /** The host's firewall blocks WMI over DCOM: the second hop's WMI path to it fails (docs/second-hop.md). */
    public DatacenterBuilder blocksWmiDcom(String host) {
        return tweak(host, h -> h.faults.blocksWmiDcom = true);
    }

    /** The host's Remote Registry service is stopped: the second hop's registry path to it fails. */
    public DatacenterBuilder remoteRegistryStopped(String host) {
        return tweak(host, h -> h.faults.remoteRegistryStopped = true);
    }

    /** The host's firewall blocks SMB: the second hop's ADMIN$ path to it fails. */
    public DatacenterBuilder blocksSmb(String host) {
        return tweak(host, h -> h.faults.blocksSmb = true);
    }

    /** No domain controller answers LDAP from the nodes: the second hop's LDAP bind fails. */
    public DatacenterBuilder ldapUnreachable() {
        return datacenter(dc -> dc.directory.ldapUnreachable = true);
    }

    /** The connection account cannot be delegated: no forwarded TGT reaches the nodes under secondHop: delegation. */
    public DatacenterBuilder accountNotDelegable() {
        return datacenter(dc -> dc.directory.accountNotDelegable = true);
    }

    /** The connection account lacks "Log on as a batch job": secondHop: task cannot run its task. */
    public DatacenterBuilder noBatchLogonRight() {
        return datacenter(dc -> dc.directory.noBatchLogonRight = true);
    }

    /** The disk labelled {@code label} is initialized MBR (and so has no GPT guid), with one NTFS volume of that label. */
    public DatacenterBuilder mbrDisk(String label) {
        mbrDisks.add(label);
        return this;
    }

    /**
     * The disk labelled {@code label} is already GPT with {@code partitions} partitions, the first one's volume of
     * file system {@code fileSystem} ("" for none) labelled {@code volumeLabel}: a LUN someone used before.
     */
    public DatacenterBuilder partitionedDisk(String label, int partitions, String fileSystem, String volumeLabel) {
        return datacenter(dc -> dc.disks.stream().filter(d -> d.serial.equals(serialOf(label))).forEach(d -> {
            d.partitionStyle = "GPT";
            d.guid = guid("san/" + label);
            d.partitions = partitions;
            d.fileSystem = fileSystem;
            d.volumeLabel = volumeLabel;
        }));
    }

    /** Every shared LUN already GPT with one NTFS volume of its inventory label, as a run before hvcluster left it. */
    public DatacenterBuilder preparedDisks() {
        sharedSpecs().forEach(spec -> partitionedDisk(spec.label(), 1, spec.fileSystem().windowsName(), spec.label()));
        return this;
    }

    private List<DiskSpec> sharedSpecs() {
        List<DiskSpec> all = new java.util.ArrayList<>();
        inventory.cluster().witness().ifPresent(all::add);
        all.addAll(inventory.cluster().sharedVolumes());
        return all;
    }

    private String serialOf(String label) {
        return sharedSpecs().stream().filter(s -> s.label().equals(label)).findFirst()
                .map(s -> s.serial().orElse("SAN-" + label.toUpperCase(Locale.ROOT)))
                .orElseThrow(() -> new IllegalArgumentException("no shared disk labelled " + label));
    }

    /** The CHAP secret the simulated array expects (the one the run supplies, unless a test wants them to differ). */
    public DatacenterBuilder chapSecret(Secret secret) {
        this.chapSecret = secret;
        return this;
    }

    /** The iSCSI portal at {@code address} refuses every connection (its array port is down). */
    public DatacenterBuilder refusingPortal(String address) {
        return datacenter(dc -> dc.san.refusingPortals.add(address));
    }

    /** The array presents no iSCSI LUN to {@code host}'s initiator: its targets log it on and show it nothing. */
    public DatacenterBuilder iscsiLunsNotMappedTo(String host) {
        return datacenter(dc -> dc.disks.stream().filter(d -> d.iscsiTarget != null).forEach(d -> d.visibleTo.remove(key(host))));
    }

    /** The LUN labelled {@code label} has another size than the inventory says. */
    public DatacenterBuilder lunSize(String label, long bytes) {
        return datacenter(dc -> dc.disks.stream().filter(d -> d.serial.equals(serialOf(label))).forEach(d -> d.sizeBytes = bytes));
    }

    /**
     * Someone connected the iSCSI sessions on {@code host} by hand, every path, without Multipath-IO: each LUN shows
     * once per path.
     */
    public DatacenterBuilder iscsiConnectedWithoutMpio(String host) {
        return datacenter(dc -> {
            WindowsHost h = dc.requireHost(host);
            h.iscsi.startType = "Automatic";
            h.iscsi.serviceStatus = "Running";
            Host spec = inventory.host(host).orElseThrow();
            inventory.iscsi().ifPresent(storage -> {
                for (int t = 0; t < storage.targets().size(); t++) {
                    String iqn = dc.san.targets.get(t).iqn;
                    for (StorageSpec.IscsiPath path : StorageSpec.paths(inventory, spec, storage.targets().get(t))) {
                        IscsiInitiator.Portal portal = new IscsiInitiator.Portal();
                        portal.address = path.portal().toString();
                        portal.initiatorAddress = path.initiator().toString();
                        h.iscsi.portals.add(portal);
                        IscsiInitiator.Session session = new IscsiInitiator.Session();
                        session.target = iqn;
                        session.initiatorAddress = path.initiator().toString();
                        session.portalAddress = path.portal().toString();
                        session.persistent = true;
                        h.iscsi.sessions.add(session);
                    }
                }
            });
        });
    }

    /** Hyper-V was installed by someone else and waits for its restart. */
    /** A processor of another architecture (Win32_Processor.Architecture; 9 is x64, 12 is ARM64). */
    public DatacenterBuilder cpuArchitecture(String host, int architecture) {
        return tweak(host, h -> h.cpuArchitecture = architecture);
    }

    /** The host already belongs to another cluster, with Failover Clustering installed and its service running. */
    public DatacenterBuilder memberOfAnotherCluster(String host, String clusterName) {
        tweak(host, h -> h.features.put(WindowsFeature.FAILOVER_CLUSTERING.windowsName(), "Installed"));
        return datacenter(dc -> {
            SimulatedCluster other = new SimulatedCluster();
            other.name = clusterName;
            other.address = "192.0.2.50";
            SimulatedCluster.Node node = new SimulatedCluster.Node();
            node.name = host;
            other.nodes.add(node);
            dc.clusters.add(other);
        });
    }

    /** One section of the facts probe fails on this host, as when a WMI class or module is broken. */
    public DatacenterBuilder failingFactsSection(String host, String section, String message) {
        return tweak(host, h -> h.faults.failingFactsSections.put(section, message));
    }

    public DatacenterBuilder hyperVInstallPending(String host) {
        return tweak(host, h -> {
            h.features.put(WindowsFeature.HYPER_V.windowsName(), "InstallPending");
            h.bootsToFinishFeatures = 1;
        });
    }

    private NetAdapter adapterFor(WindowsHost h, String network) {
        HostNic nic = inventory.host(h.name).flatMap(s -> s.nic(network))
                .orElseThrow(() -> new IllegalArgumentException("no network " + network + " on " + h.name + " in " + inventory.source()));
        java.util.Optional<NetAdapter> a = nic.mac().isPresent() ? h.adapterByMac(nic.mac().get().value())
                : h.adapter(nic.currentName().orElse(network));
        return a.orElseThrow(() -> new IllegalArgumentException("the NIC of " + network + " on " + h.name + " is missing"));
    }

    private DatacenterBuilder datacenter(Consumer<SimulatedDatacenter> t) {
        datacenterTweaks = datacenterTweaks.andThen(t);
        return this;
    }

    private DatacenterBuilder tweak(String host, Consumer<WindowsHost> t) {
        tweaks.merge(key(host), t, Consumer::andThen);
        return this;
    }

    public SimulatedDatacenter build() {
        Set<String> unknown = new LinkedHashSet<>(tweaks.keySet());
        unknown.addAll(missingNics.keySet());
        inventory.hosts().forEach(h -> unknown.remove(key(h.name())));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no host " + unknown + " in " + inventory.source());
        }
        SimulatedDatacenter dc = new SimulatedDatacenter();
        dc.directory.domain = inventory.cluster().domain();
        dc.directory.setPassword(domainPassword);
        int index = 0;
        for (Host spec : inventory.hosts()) {
            index++;
            WindowsHost h = host(spec, index);
            dc.hosts.put(key(spec.name()), h);
            dc.directory.computerObjects.add(key(spec.name()));
            if (h.sessionAddress != null) {
                dc.dns.put(spec.address().toLowerCase(Locale.ROOT), h.sessionAddress);
                dc.dns.put(spec.name().toLowerCase(Locale.ROOT), h.sessionAddress);
                dc.dns.put((spec.name() + "." + inventory.cluster().domain()).toLowerCase(Locale.ROOT), h.sessionAddress);
            }
            dc.disks.add(bootDisk(spec.name()));
        }
        inventory.cluster().witness().ifPresent(w -> dc.disks.add(sharedDisk(w, WITNESS_DEFAULT_BYTES)));
        inventory.cluster().sharedVolumes().forEach(v -> dc.disks.add(sharedDisk(v, CSV_DEFAULT_BYTES)));
        san(dc);
        for (WindowsHost h : dc.hosts.values()) {
            tweaks.getOrDefault(key(h.name), x -> { }).accept(h);
        }
        datacenterTweaks.accept(dc);
        return dc;
    }

    private WindowsHost host(Host spec, int index) {
        WindowsHost h = new WindowsHost();
        TargetOs os = inventory.cluster().targetOs();
        h.name = key(spec.name());
        h.domain = inventory.cluster().domain();
        h.osBuild = os.build();
        h.productName = productName(os.build(), h.editionId);
        FEATURES.forEach(f -> h.features.put(f, "Available"));
        h.bootTimeMillis = bootedAt.toEpochMilli();
        h.systemLog.add(new SystemEvent(h.bootTimeMillis, 6005, "EventLog", 4, "The Event log service was started."));

        NetAdapter debug = new NetAdapter();
        debug.name = "Ethernet (Kernel Debugger)";
        debug.description = "Microsoft Kernel Debug Network Adapter";
        debug.mac = "";
        debug.status = "Not Present";
        debug.linkSpeed = "0 bps";
        debug.hidden = true;
        debug.ifIndex = 2;
        debug.dhcp = true;
        h.adapters.add(debug);

        Set<String> taken = new HashSet<>();
        spec.nics().forEach(n -> n.currentName().ifPresent(taken::add));
        int defaultNumber = 0;
        int nicNumber = 0;
        Set<String> missing = missingNics.getOrDefault(key(spec.name()), Set.of());
        for (HostNic nic : spec.nics()) {
            nicNumber++;
            if (missing.contains(nic.network())) {
                continue;
            }
            String name;
            if (nic.currentName().isPresent()) {
                name = nic.currentName().get();
            } else {
                do {
                    defaultNumber++;
                    name = defaultNumber == 1 ? "Ethernet" : "Ethernet " + defaultNumber;
                } while (taken.contains(name));
            }
            taken.add(name);
            h.adapters.add(adapter(h, spec, nic, name, index, nicNumber));
        }
        return h;
    }

    private NetAdapter adapter(WindowsHost h, Host spec, HostNic nic, String name, int hostIndex, int nicNumber) {
        NetAdapter a = new NetAdapter();
        a.name = name;
        a.description = nicNumber == 1 ? NIC_MODEL : NIC_MODEL + " #" + nicNumber;
        a.mac = nic.mac().map(MacAddress::value).orElse(String.format("02-00-5E-%02X-00-%02X", hostIndex, nicNumber));
        a.ifIndex = h.nextIfIndex() + 2;
        a.bindings = Bindings.freshDefaults();
        Network network = inventory.network(nic.network()).orElseThrow();
        if (network.purpose() == NetworkPurpose.MANAGEMENT && nic.ip().isPresent() && network.subnet().isPresent()) {
            a.dhcp = false;
            a.ipv4.add(new NetAdapter.AssignedAddress(nic.ip().get().toString(), network.subnet().get().prefixLength(), "Manual", "Preferred"));
            a.defaultGateway = network.gateway().map(Ipv4::toString).orElse(null);
            a.persistentDefaultGateway = a.defaultGateway;
            a.dnsServers.addAll(network.dns().stream().map(Ipv4::toString).toList());
            if (h.sessionAddress == null) {
                h.sessionAddress = nic.ip().get().toString();
            }
        } else {
            a.dhcp = true;
            a.ipv4.add(new NetAdapter.AssignedAddress(apipa(spec.name(), nicNumber), 16, "WellKnown", "Preferred"));
        }
        return a;
    }

    private static String apipa(String host, int nic) {
        int hash = Math.abs((host + "#" + nic).hashCode());
        return "169.254." + (1 + hash % 254) + "." + (1 + (hash / 254) % 254);
    }

    private SimDisk bootDisk(String host) {
        SimDisk d = new SimDisk();
        d.serial = "BOOT-" + key(host);
        d.uniqueId = uniqueId("boot/" + key(host));
        d.guid = guid("boot/" + key(host));
        d.sizeBytes = 480L * 1000 * 1000 * 1000;
        d.busType = "RAID";
        d.boot = true;
        d.partitionStyle = "GPT";
        d.partitions = 3;
        d.fileSystem = "FAT32";
        d.visibleTo.add(key(host));
        d.onlineOn.add(key(host));
        return d;
    }

    private SimDisk sharedDisk(DiskSpec spec, long defaultSize) {
        SimDisk d = new SimDisk();
        d.serial = spec.serial().orElse("SAN-" + spec.label().toUpperCase(Locale.ROOT));
        d.uniqueId = spec.uniqueId().orElse(uniqueId("san/" + spec.label()));
        d.sizeBytes = spec.sizeBytes().orElse(defaultSize);
        d.busType = inventory.networksWith(NetworkPurpose.ISCSI).isEmpty() ? "SAS" : "iSCSI";
        if (mbrDisks.contains(spec.label())) {
            d.partitionStyle = "MBR";
            d.signature = Integer.toUnsignedLong(spec.label().hashCode());
            d.partitions = 1;
            d.fileSystem = "NTFS";
            d.volumeLabel = spec.label();
        }
        String only = diskOnlyOn.get(spec.label());
        if (only != null) {
            d.visibleTo.add(key(only));
        } else {
            inventory.hosts().forEach(h -> d.visibleTo.add(key(h.name())));
        }
        return d;
    }

    /**
     * The iSCSI array of an inventory with iSCSI storage: its targets on the inventory's portals, every shared LUN
     * behind the first target, the CHAP user and secret (as a hash) the targets expect.
     */
    private void san(SimulatedDatacenter dc) {
        Optional<StorageSpec> storage = inventory.iscsi();
        if (storage.isEmpty()) {
            return;
        }
        List<IscsiTarget> targets = storage.get().targets();
        for (int i = 0; i < targets.size(); i++) {
            IscsiSan.Target t = new IscsiSan.Target();
            t.iqn = targets.get(i).iqn().orElse("iqn.2005-10.org.example.san:" + inventory.cluster().name().toLowerCase(Locale.ROOT) + "-" + (i + 1));
            targets.get(i).portals().forEach(p -> t.portals.add(p.toString()));
            dc.san.targets.add(t);
        }
        storage.get().chap().ifPresent(c -> {
            dc.san.chapUser = c.username();
            dc.san.chapSecretSha256 = IscsiSan.sha256(chapSecret);
        });
        String first = dc.san.targets.get(0).iqn;
        dc.disks.stream().filter(d -> !d.boot).forEach(d -> d.iscsiTarget = first);
    }

    private static String uniqueId(String seed) {
        return "6" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "").substring(1).toUpperCase(Locale.ROOT);
    }

    static String guid(String seed) {
        return UUID.nameUUIDFromBytes(("guid/" + seed).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String productName(int build, String editionId) {
        String year = TargetOs.fromBuild(build).map(TargetOs::year).orElse("(build " + build + ")");
        String edition = editionId.replace("Server", "").replace("Eval", " Evaluation");
        return "Windows Server " + year + " " + edition;
    }

    private static String key(String host) {
        return host.toUpperCase(Locale.ROOT);
    }
}
