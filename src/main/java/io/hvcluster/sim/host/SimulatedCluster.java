package io.hvcluster.sim.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One failover cluster. Its state is shared by its nodes: every node's cluster cmdlets read this object.
 * Node State is derived (a node whose host is down reads Down), the rest is stored.
 */
public final class SimulatedCluster {

    public String name;
    public String address;
    public List<Node> nodes = new ArrayList<>();
    /** The quorum witness resource's name, or "" for node majority. */
    public String quorumResource = "";
    /** The witness resource's type: Physical Disk, File Share Witness, Cloud Witness ("" for none). */
    public String quorumType = "";
    /** A file share witness's SharePath. */
    public String witnessSharePath = "";
    /** A cloud witness's AccountName (its key is never kept: Windows keeps it encrypted in the cluster database). */
    public String witnessAccountName = "";
    public List<DiskResource> diskResources = new ArrayList<>();
    public List<SharedVolume> sharedVolumes = new ArrayList<>();
    public List<Network> networks = new ArrayList<>();
    /** Disk resources ever added: Windows numbers new ones "Cluster Disk N" from this. */
    public int diskCounter;
    /** CSVs ever added: C:\ClusterStorage\VolumeN. */
    public int volumeCounter;
    public int networkCounter;
    /** Whether the 'Virtual Machine' resource type is registered. */
    public boolean virtualMachineResourceType;
    public String migrationNetworkOrder = "";
    public String migrationExcludeNetworks = "";
    /** (Get-Cluster).BlockCacheSize in MB; 0 by default (BlockCacheSize, Cluster Common Properties). */
    public long blockCacheMb;
    /** Clustered roles (VMs and others) by name: Get-ClusterGroup lists each as a group of its own. */
    public List<String> roles = new ArrayList<>();

    /** Set-ClusterQuorum's effect on the witness: the old disk witness goes back to Available Storage. */
    public void setWitness(String resource, String type, String sharePath, String accountName) {
        diskResources.stream().filter(r -> r.name.equals(quorumResource)).forEach(r -> r.ownerGroup = "Available Storage");
        quorumResource = resource;
        quorumType = type;
        witnessSharePath = sharePath;
        witnessAccountName = accountName;
        diskResources.stream().filter(r -> r.name.equals(resource)).forEach(r -> r.ownerGroup = "Cluster Group");
    }
    /** Virtual machines of the cluster's nodes (clustered or not), each on its owner node. */
    public List<VirtualMachine> virtualMachines = new ArrayList<>();

    public Optional<Node> node(String nodeName) {
        return nodes.stream().filter(n -> n.name.equalsIgnoreCase(nodeName)).findFirst();
    }

    public Optional<DiskResource> diskResource(String resourceName) {
        return diskResources.stream().filter(r -> r.name.equals(resourceName)).findFirst();
    }

    public Optional<SharedVolume> sharedVolume(String resourceName) {
        return sharedVolumes.stream().filter(v -> v.name.equals(resourceName)).findFirst();
    }

    public Optional<Network> network(String networkName) {
        return networks.stream().filter(n -> n.name.equals(networkName)).findFirst();
    }

    public static final class Node {
        public String name;
        public boolean paused;
        /** NotInitiated, InProgress, Completed, Failed. */
        public String drainStatus = "NotInitiated";
        /** After its host boots, the node is Joining until then (epoch ms); null when it is not. */
        public Long joiningUntilMillis;

        public Node() {
        }

        public Node(String name) {
            this.name = name;
        }
    }

    /** A Physical Disk resource, keyed to its disk by DiskIdGuid (GPT) or DiskSignature (MBR). */
    public static final class DiskResource {
        public String name;
        public String diskIdGuid = "";
        public long diskSignature;
        public String state = "Online";
        /** Available Storage, Cluster Group (the witness), or Cluster Shared Volume. */
        public String ownerGroup = "Available Storage";
        public String ownerNode;
    }

    public static final class SharedVolume {
        /** The disk resource's name. */
        public String name;
        public String path;
        /** Online, Offline or Failed: set it to Offline to model a CSV whose disk resource is offline. */
        public String state = "Online";

        /**
         * Get-ClusterSharedVolume's SharedVolumeInfo: one entry with the FriendlyVolumeName while Online, none
         * (null) otherwise, so indexing it fails as "Cannot index into a null array".
         */
        public List<String> sharedVolumeInfo() {
            return state.equals("Online") ? List.of(path) : List.of();
        }
    }

    public static final class Network {
        public String id;
        public String name;
        public String address;
        public String mask;
        /** 0 none, 1 cluster only, 3 cluster and client. */
        public int role;
        public String state = "Up";
    }
}
