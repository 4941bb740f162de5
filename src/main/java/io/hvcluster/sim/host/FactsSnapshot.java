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

    FactsSnapshot(SimulatedDatacenter dc, WindowsHost host) {
        this.dc = dc;
        this.host = host;
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
        return new HostFacts("facts", host.name, errors, os, cpu, system, features, adapters, session, disks, cluster, hyperV,
                host.pausedForHyperVMark, host.runLock);
    }

    private <T> T section(String name, Supplier<T> read) {
        String fault = host.faults.failingFactsSections.get(name);
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
                a.linkSpeed, a.hidden, a.dhcp, a.registerDns, a.dnsServers, a.defaultGateway != null,
                a.ipv4.stream().map(i -> new HostFacts.IpAddress(i.address, i.prefixLength, i.origin, i.state)).toList(),
                a.bindings.entrySet().stream().map(e -> new HostFacts.Binding(e.getKey(), e.getValue())).toList())).toList();
    }

    private List<HostFacts.Disk> disks() {
        List<SimDisk> visible = dc.disksVisibleTo(host.name);
        Optional<SimulatedCluster> cluster = dc.clusterOf(host.name);
        List<HostFacts.Disk> out = new ArrayList<>();
        for (int i = 0; i < visible.size(); i++) {
            SimDisk d = visible.get(i);
            Optional<SimulatedCluster.DiskResource> res = cluster.flatMap(c -> c.diskResources.stream()
                    .filter(r -> r.diskIdGuid.equalsIgnoreCase(d.guid)).findFirst());
            boolean clustered = res.isPresent();
            // A shared disk is offline where it is not owned: before clustering (SAN policy OfflineShared)
            // and on every node but the owner afterwards; a CSV is online everywhere.
            boolean offline = !d.boot && (!clustered || (!"Cluster Shared Volume".equals(res.get().ownerGroup)
                    && !host.name.equalsIgnoreCase(res.get().ownerNode)));
            out.add(new HostFacts.Disk(i, d.serial, d.uniqueId, d.guid, d.signature, d.partitionStyle, d.sizeBytes,
                    clustered, offline, d.boot, d.busType));
        }
        return out;
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
                c.diskResources.stream().map(r -> new HostFacts.DiskResource(r.name, r.state, r.ownerGroup, r.diskIdGuid, "")).toList(),
                c.sharedVolumes.stream().map(v -> new HostFacts.SharedVolume(v.name, v.state, v.path)).toList(),
                c.networks.stream().map(n -> new HostFacts.Network(n.name, n.address, n.mask, n.role, n.id, n.state)).toList(),
                ClusterGroups.of(dc, c),
                c.virtualMachineResourceType ? c.migrationNetworkOrder : "",
                c.virtualMachineResourceType ? c.migrationExcludeNetworks : "");
    }

    private HostFacts.HyperV hyperV() {
        Optional<String> vmms = host.vmmsStatus();
        if (vmms.isEmpty() || !vmms.get().equals("Running")) {
            return new HostFacts.HyperV(vmms.orElse("absent"), List.of(), List.of());
        }
        return new HostFacts.HyperV(vmms.get(),
                host.switches.stream().map(s -> new HostFacts.Switch(s.name, s.switchType, s.adapterDescription, s.allowManagementOs)).toList(),
                host.switches.stream().filter(s -> s.allowManagementOs)
                        .map(s -> new HostFacts.HostVlan(s.name, s.hostVlanMode, s.hostAccessVlanId)).toList());
    }
}
