package io.hvcluster.sim.host;

import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.HostFacts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What templates/facts/probe.ps1.vm prints for a simulated host, built as the typed {@link HostFacts}. */
final class FactsSnapshot {

    /** .NET's round-trip format 'o' on a UTC DateTime: seven fractional digits and a Z. */
    private static final DateTimeFormatter ROUND_TRIP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final SimulatedDatacenter dc;
    private final WindowsHost host;
    private final List<HostFacts.SectionError> errors = new ArrayList<>();

    /** Whether the host's injected probe-section faults apply (to the facts probe; a step's script reads Windows itself). */
    private final boolean probeFaults;

    FactsSnapshot(SimulatedDatacenter dc, WindowsHost host) {
        this(dc, host, true);
    }

    private FactsSnapshot(SimulatedDatacenter dc, WindowsHost host, boolean probeFaults) {
        this.dc = dc;
        this.host = host;
        this.probeFaults = probeFaults;
    }

    /**
     * What a step's script reads of its host. The faults {@code failingFactsSections} stand for one section of the facts
     * probe failing (a CIM query that times out inside the probe); a step's script makes its own calls (Get-Cluster,
     * Get-Disk), so those faults do not blind it: a cluster step planned without the cluster would plan to create it.
     */
    static FactsSnapshot forStepScript(SimulatedDatacenter dc, WindowsHost host) {
        return new FactsSnapshot(dc, host, false);
    }

    String json(FactsProbe.Params params) {
        return new FactsParser().write(facts(params));
    }

    HostFacts facts(FactsProbe.Params params) {
        HostFacts.Os os = section("os", this::os);
        HostFacts.Cpu cpu = section("cpu", this::cpu);
        HostFacts.SystemInfo system = cpu == null ? null : section("cpu", this::system);
        List<HostFacts.Feature> features = section("features", () -> features(params.features()));
        List<HostFacts.Adapter> adapters = section("adapters", this::adapters);
        List<String> session = adapters == null ? List.of()
                : SessionAdapters.find(dc, host, params.connectAddress(), w -> { });
        List<HostFacts.Disk> disks = section("disks", this::disks);
        HostFacts.Cluster cluster = section("cluster", this::cluster);
        HostFacts.HyperV hyperV = section("hyperV", this::hyperV);
        HostFacts.Storage storage = section("storage", this::storage);
        return new HostFacts("facts", host.name, errors, os, cpu, system, features, adapters, session, disks, cluster, hyperV,
                host.pausedForHyperVMark, host.validationMark == null ? null : new HostFacts.ValidationMark(host.validationMark.fingerprint,
                        host.validationMark.report, host.validationMark.result, host.validationMark.approved, host.validationMark.at),
                section("hostSettings", this::hostSettings), storage, host.runLock);
    }

    private HostFacts.HostSettings hostSettings() {
        boolean defender = !"absent".equals(host.defenderMode);
        boolean hyperV = host.vmmsStatus(dc.clockMillis).filter("Running"::equals).isPresent();
        long cache = dc.clusterOf(host.name).filter(c -> host.clusterServiceStatus(true).filter("Running"::equals).isPresent())
                .map(c -> c.blockCacheMb).orElse(-1L);
        return new HostFacts.HostSettings(host.defenderMode, defender ? host.exclusionPaths : List.of(),
                defender ? host.exclusionExtensions : List.of(), defender ? host.exclusionProcesses : List.of(),
                hyperV ? host.virtualMachinePath : null, hyperV ? host.virtualHardDiskPath : null,
                hyperV ? host.migrationEnabled : null, hyperV ? host.maximumMigrations : null,
                hyperV ? host.migrationPerformance : null, hyperV ? host.migrationAuthentication : null, cache);
    }

    private <T> T section(String name, Supplier<T> read) {
        String fault = probeFaults ? host.faults.failingFactsSections.get(name) : null;
        if (fault != null) {
            if (errors.stream().noneMatch(e -> e.section().equals(name))) {
                errors.add(new HostFacts.SectionError(name, fault));
            }
            return null;
        }
        return read.get();
    }

    static String roundTrip(long epochMillis) {
        return ROUND_TRIP.format(Instant.ofEpochMilli(epochMillis));
    }

    private HostFacts.Os os() {
        return new HostFacts.Os(host.osBuild, host.editionId, host.installationType, host.productName,
                roundTrip(host.bootTimeMillis), host.pendingReboot(), host.depAvailable);
    }

    private HostFacts.Cpu cpu() {
        // The firmware flag reads false while any hypervisor runs (Win32_Processor sees the virtual CPU).
        boolean vt = host.virtualizationFirmwareEnabled && !host.hypervisorRunning;
        boolean slat = host.slat && !host.hypervisorRunning;
        return new HostFacts.Cpu(host.cpuManufacturer, host.cpuModel, host.cpuArchitecture, host.sockets, host.logicalProcessors, vt, slat, host.hypervisorRunning);
    }

    private HostFacts.SystemInfo system() {
        return new HostFacts.SystemInfo(host.systemManufacturer, host.systemModel, host.partOfDomain(),
                host.partOfDomain() ? host.domain : "WORKGROUP", host.memoryBytes);
    }

    private List<HostFacts.Feature> features(List<String> names) {
        List<HostFacts.Feature> out = new ArrayList<>();
        for (String n : names) {
            Optional.ofNullable(host.featureState(n)).ifPresent(s -> out.add(new HostFacts.Feature(n, s)));
        }
        return out;
    }

    private List<HostFacts.Adapter> adapters() {
        return host.adapters.stream().map(a -> new HostFacts.Adapter(a.name, a.description, a.mac, a.status, a.ifIndex,
                a.linkSpeed, a.hidden, a.dhcp, a.registerDns, a.dnsServers, a.hasDefaultRoute(),
                a.ipv4.stream().map(i -> new HostFacts.IpAddress(i.address, i.prefixLength, i.origin, i.state)).toList(),
                a.bindings.entrySet().stream().map(e -> new HostFacts.Binding(e.getKey(), e.getValue())).toList())).toList();
    }

    private List<HostFacts.Disk> disks() {
        Optional<SimulatedCluster> cluster = dc.clusterOf(host.name);
        List<HostFacts.Disk> out = new ArrayList<>();
        for (GetDisk.Listed listed : GetDisk.local(dc, host.name)) {
            SimDisk d = listed.disk();
            Optional<SimulatedCluster.DiskResource> res = cluster.flatMap(c -> ClusterDisks.resourceOf(c, d));
            boolean clustered = res.isPresent();
            boolean csv = clustered && "Cluster Shared Volume".equals(res.get().ownerGroup);
            // A shared disk is offline where it is not owned: before clustering (SAN policy OfflineShared) unless
            // brought online on this node, and on every node but the owner afterwards; a CSV is online everywhere.
            boolean offline = !d.boot && (clustered ? !csv && !host.name.equalsIgnoreCase(res.get().ownerNode)
                    : d.onlineOn.stream().noneMatch(h -> h.equalsIgnoreCase(host.name)));
            // A volume is mounted, and so readable, only where the disk is online; a CSV shows CSVFS.
            String fileSystem = offline || d.partitions == 0 ? "" : csv ? "CSVFS" : d.fileSystem;
            String label = offline || d.partitions == 0 ? "" : d.volumeLabel;
            out.add(new HostFacts.Disk(listed.number().orElseThrow(), d.serial, d.uniqueId, d.guid, d.signature, d.partitionStyle,
                    d.sizeBytes, clustered, offline, d.boot, d.busType, d.readOnly, d.partitions, fileSystem, label));
        }
        return out;
    }

    /** templates/facts/probe.ps1.vm 'storage': the MSDSM cmdlets only with Multipath-IO, sessions only with MSiSCSI running. */
    private HostFacts.Storage storage() {
        IscsiInitiator i = host.iscsi;
        boolean mpio = host.featureInstalled("Multipath-IO");
        boolean running = "Running".equals(i.serviceStatus);
        return new HostFacts.Storage(i.serviceStatus, i.startType, mpio && i.msdsmIscsiClaim, mpio ? i.loadBalancePolicy : "",
                running ? i.portals.stream().map(p -> new HostFacts.IscsiPortal(p.address, p.initiatorAddress)).toList() : List.of(),
                running ? i.sessions.stream().map(x -> new HostFacts.IscsiSession(x.target, x.initiatorAddress, x.portalAddress,
                        x.persistent, true)).toList() : List.of());
    }

    private HostFacts.Cluster cluster() {
        Optional<SimulatedCluster> member = dc.clusterOf(host.name);
        String service = host.clusterServiceStatus(member.isPresent()).orElse("absent");
        if (member.isEmpty()) {
            return new HostFacts.Cluster(service, false, "", List.of(), "", List.of(), List.of(), List.of(), List.of(), "", "");
        }
        SimulatedCluster c = member.get();
        return new HostFacts.Cluster(service, true, c.name,
                c.nodes.stream().map(n -> new HostFacts.Node(n.name, dc.nodeState(n), n.drainStatus)).toList(),
                c.quorumResource,
                c.diskResources.stream().map(r -> new HostFacts.DiskResource(r.name, r.state, r.ownerGroup, r.diskIdGuid,
                        r.diskSignature == 0 ? "" : String.valueOf(r.diskSignature))).toList(),
                c.sharedVolumes.stream().map(v -> new HostFacts.SharedVolume(v.name, v.state, v.sharedVolumeInfo().stream().findFirst().orElse(""))).toList(),
                c.networks.stream().map(n -> new HostFacts.Network(n.name, n.address, n.mask, n.role, n.id, n.state)).toList(),
                ClusterGroups.of(dc, c),
                c.virtualMachineResourceType ? c.migrationNetworkOrder : "",
                c.virtualMachineResourceType ? c.migrationExcludeNetworks : "",
                c.quorumResource.isEmpty() ? HostFacts.QuorumWitness.NONE
                        : new HostFacts.QuorumWitness(c.quorumType.isEmpty() ? "Physical Disk" : c.quorumType, c.witnessSharePath, c.witnessAccountName));
    }

    private HostFacts.HyperV hyperV() {
        Optional<String> vmms = host.vmmsStatus(dc.clockMillis);
        if (vmms.isEmpty() || !vmms.get().equals("Running")) {
            return new HostFacts.HyperV(vmms.orElse("absent"), List.of(), List.of());
        }
        return new HostFacts.HyperV(vmms.get(),
                host.switches.stream().map(s -> new HostFacts.Switch(s.name, s.switchType, s.adapterDescription, s.allowManagementOs)).toList(),
                host.switches.stream().filter(s -> s.allowManagementOs)
                        .map(s -> new HostFacts.HostVlan(s.name, s.hostVlanMode, s.hostAccessVlanId)).toList());
    }
}
