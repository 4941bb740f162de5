package io.hvcluster.facts;

import java.util.List;
import java.util.Optional;

/**
 * What the read-only probe found on one host (templates/facts/probe.ps1.vm). Field names are the JSON keys
 * the probe writes, one to one. A section the probe could not read is null and named in {@link #errors()}.
 * {@code pausedByHvcluster}: enable-hyper-v paused this node for a restart and has not resumed it yet.
 * {@code runLock}: the run lock the host holds ({@code apply} takes it), or null.
 */
public record HostFacts(
        String probe,
        String computerName,
        List<SectionError> errors,
        Os os,
        Cpu cpu,
        SystemInfo system,
        List<Feature> features,
        List<Adapter> adapters,
        List<String> sessionAdapters,
        List<Disk> disks,
        Cluster cluster,
        HyperV hyperV,
        boolean pausedByHvcluster,
        RunLockMark runLock) {

    /** Facts of a host that holds no run lock (every caller from before the lock). */
    public HostFacts(String probe, String computerName, List<SectionError> errors, Os os, Cpu cpu, SystemInfo system,
            List<Feature> features, List<Adapter> adapters, List<String> sessionAdapters, List<Disk> disks, Cluster cluster,
            HyperV hyperV, boolean pausedByHvcluster) {
        this(probe, computerName, errors, os, cpu, system, features, adapters, sessionAdapters, disks, cluster, hyperV, pausedByHvcluster, null);
    }

    /** Facts of a host hvcluster has not paused (the usual case, and every older caller's). */
    public HostFacts(String probe, String computerName, List<SectionError> errors, Os os, Cpu cpu, SystemInfo system,
            List<Feature> features, List<Adapter> adapters, List<String> sessionAdapters, List<Disk> disks, Cluster cluster,
            HyperV hyperV) {
        this(probe, computerName, errors, os, cpu, system, features, adapters, sessionAdapters, disks, cluster, hyperV, false, null);
    }

    public HostFacts {
        errors = errors == null ? List.of() : List.copyOf(errors);
        features = features == null ? List.of() : List.copyOf(features);
        adapters = adapters == null ? List.of() : List.copyOf(adapters);
        sessionAdapters = sessionAdapters == null ? List.of() : List.copyOf(sessionAdapters);
        disks = disks == null ? List.of() : List.copyOf(disks);
    }

    public record SectionError(String section, String message) {
    }

    public record Os(int build, String editionId, String installationType, String productName, String lastBootUtc,
            boolean pendingReboot, boolean depAvailable) {
    }

    public record Cpu(String manufacturer, String model, int architecture, int sockets, int logicalProcessors,
            boolean virtualizationFirmwareEnabled, boolean secondLevelAddressTranslation, boolean hypervisorPresent) {
    }

    public record SystemInfo(String manufacturer, String model, boolean partOfDomain, String domain, long totalMemoryBytes) {
    }

    public record Feature(String name, String installState) {
        public boolean installed() {
            return "Installed".equals(installState);
        }
    }

    public record Adapter(String name, String description, String mac, String status, int ifIndex, String linkSpeed,
            boolean hidden, boolean dhcp, boolean registerDns, List<String> dnsServers, boolean defaultRoute,
            List<IpAddress> ipv4, List<Binding> bindings) {

        public Adapter {
            dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
            ipv4 = ipv4 == null ? List.of() : List.copyOf(ipv4);
            bindings = bindings == null ? List.of() : List.copyOf(bindings);
        }

        /** A physical NIC, not the host vNIC of a switch or a team interface (both share the MAC). */
        public boolean physical() {
            return !description.startsWith("Hyper-V Virtual Ethernet Adapter")
                    && !description.startsWith("Microsoft Network Adapter Multiplexor");
        }

        public Optional<Binding> binding(String componentId) {
            return bindings.stream().filter(b -> b.componentId().equalsIgnoreCase(componentId)).findFirst();
        }
    }

    public record IpAddress(String address, int prefixLength, String origin, String state) {
    }

    public record Binding(String componentId, boolean enabled) {
    }

    public record Disk(int number, String serial, String uniqueId, String guid, long signature, String partitionStyle,
            long sizeBytes, boolean isClustered, boolean isOffline, boolean isBoot, String busType) {
    }

    public record Cluster(String service, boolean member, String name, List<Node> nodes, String quorumResource,
            List<DiskResource> diskResources, List<SharedVolume> sharedVolumes, List<Network> networks,
            List<Group> groups, String migrationNetworkOrder, String migrationExcludeNetworks) {

        public Cluster {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            diskResources = diskResources == null ? List.of() : List.copyOf(diskResources);
            sharedVolumes = sharedVolumes == null ? List.of() : List.copyOf(sharedVolumes);
            networks = networks == null ? List.of() : List.copyOf(networks);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** Groups other than the cluster's own core groups: VMs and other clustered roles. */
        public List<Group> roles() {
            return groups.stream()
                    .filter(g -> !g.groupType().equals("Cluster") && !g.groupType().equals("AvailableStorage"))
                    .toList();
        }
    }

    public record Node(String name, String state, String drainStatus) {
    }

    public record DiskResource(String name, String state, String ownerGroup, String diskIdGuid, String diskSignature) {
    }

    public record SharedVolume(String name, String state, String path) {
    }

    public record Network(String name, String address, String mask, int role, String id, String state) {
    }

    public record Group(String name, String groupType, String state, String ownerNode) {
    }

    public record HyperV(String vmms, List<Switch> switches, List<HostVlan> hostVlans) {
        public HyperV {
            switches = switches == null ? List.of() : List.copyOf(switches);
            hostVlans = hostVlans == null ? List.of() : List.copyOf(hostVlans);
        }

        public boolean running() {
            return "Running".equals(vmms);
        }
    }

    public record Switch(String name, String switchType, String adapterDescription, boolean allowManagementOs) {
    }

    public record HostVlan(String adapter, String mode, int accessVlanId) {
    }

    public Optional<Feature> feature(String name) {
        return features.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    public boolean featureInstalled(String name) {
        return feature(name).map(Feature::installed).orElse(false);
    }

    public List<Adapter> adaptersWithMac(String mac) {
        return adapters.stream().filter(a -> a.mac().equalsIgnoreCase(mac) && a.physical() && !a.hidden()).toList();
    }

    public Optional<Adapter> adapterNamed(String name) {
        return adapters.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }

    public boolean clusterMember() {
        return cluster != null && cluster.member();
    }
}
