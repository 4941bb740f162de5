package io.hvcluster.facts;

import java.util.List;
import java.util.Optional;

/**
 * What the read-only probe found on one host (templates/facts/probe.ps1.vm). Field names are the JSON keys
 * the probe writes, one to one. A section the probe could not read is null and named in {@link #errors()}.
 * {@code pausedByHvcluster}: enable-hyper-v paused this node for a restart and has not resumed it yet.
 * {@code validationMark}: final-validation's record of the last full validation run from this node, or null.
 * {@code hostSettings}: the Defender, Hyper-V host and CSV cache settings host-settings manages, or null if unread.
 * {@code storage}: the iSCSI initiator and the Microsoft DSM (null when the section could not be read).
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
        ValidationMark validationMark,
        HostSettings hostSettings,
        Storage storage,
        RunLockMark runLock) {

    /**
     * What host-settings manages, as the host has it. {@code defenderMode}: Get-MpComputerStatus' AMRunningMode
     * ("Normal", "Passive Mode", "EDR Block Mode", ...), or "absent" without Defender. The Hyper-V values are null
     * while vmms does not run; {@code csvBlockCacheMb} is -1 outside a cluster.
     */
    public record HostSettings(String defenderMode, List<String> exclusionPaths, List<String> exclusionExtensions,
            List<String> exclusionProcesses, String virtualMachinePath, String virtualHardDiskPath, Boolean migrationEnabled,
            Integer maximumMigrations, String performanceOption, String authentication, long csvBlockCacheMb) {
        public HostSettings {
            exclusionPaths = exclusionPaths == null ? List.of() : List.copyOf(exclusionPaths);
            exclusionExtensions = exclusionExtensions == null ? List.of() : List.copyOf(exclusionExtensions);
            exclusionProcesses = exclusionProcesses == null ? List.of() : List.copyOf(exclusionProcesses);
        }
    }

    /**
     * final-validation's mark (HKLM:\SOFTWARE\hvcluster\Validation): the last full validation of this cluster,
     * the configuration fingerprint it validated, its report on the node, its result flags and when it ran.
     */
    public record ValidationMark(String fingerprint, String report, String result, boolean approved, String at) {
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

    /**
     * The iSCSI initiator and the Microsoft DSM.
     *
     * @param iscsiService     MSiSCSI's status ("Running", "Stopped")
     * @param iscsiStartType   MSiSCSI's start type ("Manual" on a fresh install, "Automatic")
     * @param msdsmIscsiClaim  Get-MSDSMAutomaticClaimSettings says iSCSI is claimed (false without Multipath-IO)
     * @param loadBalancePolicy Get-MSDSMGlobalDefaultLoadBalancePolicy ("" without Multipath-IO)
     * @param portals          Get-IscsiTargetPortal
     * @param sessions         Get-IscsiSession, each with its connection's portal
     */
    public record Storage(String iscsiService, String iscsiStartType, boolean msdsmIscsiClaim, String loadBalancePolicy,
            List<IscsiPortal> portals, List<IscsiSession> sessions) {
        public Storage {
            portals = portals == null ? List.of() : List.copyOf(portals);
            sessions = sessions == null ? List.of() : List.copyOf(sessions);
        }
    }

    /** A target portal: its address and the initiator address it was added with ("" = the default). */
    public record IscsiPortal(String address, String initiatorAddress) {
    }

    /** A session to {@code target} from {@code initiatorAddress} to the portal {@code portalAddress}. */
    public record IscsiSession(String target, String initiatorAddress, String portalAddress, boolean persistent, boolean connected) {
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

    /**
     * A disk as this node sees it locally (Get-HvcLocalDisk: a Number present; docs/windows-behaviour.md, "Shared
     * disks"). {@code partitions} counts the partitions other than GPT's Microsoft Reserved one (which Initialize-Disk
     * creates by itself); {@code fileSystem} and {@code volumeLabel} are those of the first such partition's volume,
     * "" when it has none or the disk is offline (a volume is mounted, and so readable, only where the disk is
     * online).
     */
    public record Disk(int number, String serial, String uniqueId, String guid, long signature, String partitionStyle,
            long sizeBytes, boolean isClustered, boolean isOffline, boolean isBoot, String busType, boolean isReadOnly,
            int partitions, String fileSystem, String volumeLabel) {

        public Disk {
            partitionStyle = partitionStyle == null ? "" : partitionStyle;
            fileSystem = fileSystem == null ? "" : fileSystem;
            volumeLabel = volumeLabel == null ? "" : volumeLabel;
        }

        /** A disk without partition or volume details (a writable, unpartitioned disk). */
        public Disk(int number, String serial, String uniqueId, String guid, long signature, String partitionStyle,
                long sizeBytes, boolean isClustered, boolean isOffline, boolean isBoot, String busType) {
            this(number, serial, uniqueId, guid, signature, partitionStyle, sizeBytes, isClustered, isOffline, isBoot, busType,
                    false, 0, "", "");
        }

        /** No partition table at all: a new LUN, or one Clear-Disk emptied. */
        public boolean raw() {
            return partitionStyle.equalsIgnoreCase("RAW");
        }
    }

    public record Cluster(String service, boolean member, String name, List<Node> nodes, String quorumResource,
            List<DiskResource> diskResources, List<SharedVolume> sharedVolumes, List<Network> networks,
            List<Group> groups, String migrationNetworkOrder, String migrationExcludeNetworks, QuorumWitness quorumWitness) {

        public Cluster {
            quorumWitness = quorumWitness == null ? QuorumWitness.NONE : quorumWitness;
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            diskResources = diskResources == null ? List.of() : List.copyOf(diskResources);
            sharedVolumes = sharedVolumes == null ? List.of() : List.copyOf(sharedVolumes);
            networks = networks == null ? List.of() : List.copyOf(networks);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** As probed before the witness kind was (a facts file from an older probe): the kind is unknown. */
        public Cluster(String service, boolean member, String name, List<Node> nodes, String quorumResource,
                List<DiskResource> diskResources, List<SharedVolume> sharedVolumes, List<Network> networks,
                List<Group> groups, String migrationNetworkOrder, String migrationExcludeNetworks) {
            this(service, member, name, nodes, quorumResource, diskResources, sharedVolumes, networks, groups,
                    migrationNetworkOrder, migrationExcludeNetworks, null);
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

    /**
     * The quorum witness resource (Get-ClusterQuorum).QuorumResource: its resource type ("Physical Disk", "File
     * Share Witness", "Cloud Witness", "" for none) and the private property that says which one it is.
     */
    public record QuorumWitness(String type, String sharePath, String accountName) {
        public static final QuorumWitness NONE = new QuorumWitness("", "", "");

        public QuorumWitness {
            type = type == null ? "" : type;
            sharePath = sharePath == null ? "" : sharePath;
            accountName = accountName == null ? "" : accountName;
        }
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
