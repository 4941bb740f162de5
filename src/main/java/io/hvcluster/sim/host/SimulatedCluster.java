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

        public Node() {
        }

        public Node(String name) {
            this.name = name;
        }
    }

    /** A Physical Disk resource, keyed to its disk by DiskIdGuid. */
    public static final class DiskResource {
        public String name;
        public String diskIdGuid;
        public String state = "Online";
        /** Available Storage, Cluster Group (the witness), or Cluster Shared Volume. */
        public String ownerGroup = "Available Storage";
        public String ownerNode;
    }

    public static final class SharedVolume {
        /** The disk resource's name. */
        public String name;
        public String path;
        public String state = "Online";
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
