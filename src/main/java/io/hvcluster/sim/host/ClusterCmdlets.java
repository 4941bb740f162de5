package io.hvcluster.sim.host;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.windows.AddClusterDisk;
import io.hvcluster.windows.AddClusterNode;
import io.hvcluster.windows.NewCluster;
import io.hvcluster.windows.RenameClusterNetwork;
import io.hvcluster.windows.RenameClusterResource;
import io.hvcluster.windows.SetClusterNetworkRole;
import io.hvcluster.windows.SetClusterParameter;
import io.hvcluster.windows.SetClusterQuorum;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulator's models of the FailoverClusters cmdlets the steps call (see {@link Cmdlets}): New-Cluster,
 * Add-ClusterNode, Add-ClusterDisk, renaming a resource or a network, a network's role, a resource type's parameter,
 * Set-ClusterQuorum. Each applies what Windows does, with its errors, and reports the template's Add-HvcChange line.
 * Where the template reports one line for several calls (a cluster created and every node Up) the effect reports it.
 */
final class ClusterCmdlets {

    /** The witness resource types, as Windows names them (Get-ClusterQuorum).QuorumResource.ResourceType. */
    static final String DISK = "Physical Disk";
    static final String SHARE = "File Share Witness";
    static final String CLOUD = "Cloud Witness";

    private ClusterCmdlets() {
    }

    /**
     * The cluster cmdlets exist only with the Failover Clustering feature (the template checks the ClusSvc service
     * first and says which step installs it).
     */
    static void requireFeature(StepRun run) throws StepFailure {
        if (run.host.clusterServiceStatus(run.cluster().isPresent()).isEmpty()) {
            throw new StepFailure("the Failover Clustering feature is not installed on this node (install-failover-clustering runs first)");
        }
    }

    // ---- New-Cluster, Add-ClusterNode ----

    /** New-Cluster -NoStorage: checks every node and the domain, then forms the cluster; its nodes are Joining for a while. */
    static void newCluster(StepRun run, NewCluster op) throws StepFailure {
        for (String n : op.nodes()) {
            checkJoinable(run, n);
        }
        if (run.dc.directory.hasComputer(op.name()) || run.dc.cluster(op.name()).isPresent()) {
            throw new StepFailure("There was an error creating the cluster: the computer object '" + op.name()
                    + "' already exists in the domain " + run.dc.directory.domain + "; choose another name or delete the stale object");
        }
        boolean prestaged = run.dc.directory.isPrestaged(op.name());
        if (!prestaged && !run.dc.directory.createComputerAllowed) {
            throw new StepFailure("There was an error creating the cluster: you do not have permissions to create the computer object '"
                    + op.name() + "' in " + run.dc.directory.computersContainer() + "; ask a domain admin to grant 'Create Computer objects' "
                    + "there or to prestage the object");
        }
        checkStaticAddress(run, op);
        run.spend(run.latencies().newCluster());
        SimulatedCluster c = new SimulatedCluster();
        c.name = op.name().toUpperCase(Locale.ROOT);
        c.address = op.staticAddress();
        for (String n : op.nodes()) {
            SimulatedCluster.Node node = new SimulatedCluster.Node(run.dc.requireHost(n).name);
            node.joiningUntilMillis = run.nowMillis() + run.latencies().newCluster().toMillis();
            c.nodes.add(node);
        }
        c.virtualMachineResourceType = c.nodes.stream().anyMatch(n -> run.dc.requireHost(n.name).featureInstalled("Hyper-V"));
        run.dc.clusters.add(c);
        run.dc.directory.prestaged.remove(c.name);
        run.dc.directory.computerObjects.add(c.name);
        run.dc.dns.put(c.name.toLowerCase(Locale.ROOT), c.address);
        run.dc.dns.put((c.name + "." + run.dc.directory.domain).toLowerCase(Locale.ROOT), c.address);
        run.dc.refreshNetworks(c);
    }

    /** Add-ClusterNode -NoStorage: the node joins (Joining for a while); Hyper-V on it registers the VM resource type. */
    static void addClusterNode(StepRun run, AddClusterNode op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        checkJoinable(run, op.node());
        run.spend(run.latencies().newCluster());
        SimulatedCluster.Node added = new SimulatedCluster.Node(run.dc.requireHost(op.node()).name);
        added.joiningUntilMillis = run.nowMillis() + run.latencies().newCluster().toMillis();
        c.nodes.add(added);
        if (run.dc.requireHost(op.node()).featureInstalled("Hyper-V")) {
            c.virtualMachineResourceType = true;
        }
        run.dc.refreshNetworks(c);
    }

    private static void checkJoinable(StepRun run, String node) throws StepFailure {
        WindowsHost h = run.dc.host(node).orElseThrow(() -> new StepFailure(
                "The computer '" + node + "' could not be reached: no such host is known. (Exception from HRESULT: 0x80070035)"));
        if (!h.featureInstalled("Failover-Clustering")) {
            throw new StepFailure("The Failover Clustering feature is not installed on node '" + h.name + "'.");
        }
        if (!h.partOfDomain() || !h.domain.equalsIgnoreCase(run.dc.directory.domain)) {
            throw new StepFailure("The computer '" + h.name + "' is not joined to the domain " + run.dc.directory.domain + ".");
        }
        Optional<SimulatedCluster> other = run.dc.clusterOf(h.name);
        if (other.isPresent()) {
            throw new StepFailure("The computer '" + h.name + "' is joined to a cluster ('" + other.get().name + "').");
        }
    }

    /** The static address must lie on a network every node shares and that is not ignored, and be free. */
    private static void checkStaticAddress(StepRun run, NewCluster op) throws StepFailure {
        Ipv4 address = Ipv4.parse(op.staticAddress())
                .orElseThrow(() -> new StepFailure("'" + op.staticAddress() + "' is not a valid IPv4 address."));
        for (WindowsHost h : run.dc.hosts.values()) {
            for (NetAdapter a : h.adapters) {
                if (a.ipv4.stream().anyMatch(ip -> ip.address.equals(op.staticAddress()))) {
                    throw new StepFailure("The static address '" + op.staticAddress() + "' is already in use on the network (" + h.name + ").");
                }
            }
        }
        for (String node : op.nodes()) {
            WindowsHost h = run.dc.requireHost(node);
            boolean here = h.adapters.stream().filter(a -> !a.hidden && a.bound(Bindings.IPV4)).flatMap(a -> a.ipv4.stream())
                    .filter(ip -> !ip.origin.equals("WellKnown"))
                    .map(ip -> SimulatedDatacenter.subnetOf(ip.address, ip.prefixLength))
                    .anyMatch(s -> s.contains(address) && !op.ignoreNetworks().contains(s.toString()));
            if (!here) {
                throw new StepFailure("Static address '" + op.staticAddress() + "' was not found on any cluster network.");
            }
        }
    }

    // ---- disks and resources ----

    /**
     * Add-ClusterDisk on the disk with that number here, then the new "Cluster Disk N" renamed: only a basic disk that
     * every node sees and that is not in use is available to the cluster (docs/windows-behaviour.md, "Cluster disks").
     */
    static void addClusterDisk(StepRun run, AddClusterDisk op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        SimDisk disk = GetDisk.local(run.dc, run.host.name).stream().filter(l -> l.number().orElse(-1) == op.diskNumber())
                .map(GetDisk.Listed::disk).findFirst()
                .orElseThrow(() -> new StepFailure("No MSFT_Disk objects found with property 'Number' equal to '" + op.diskNumber() + "'."));
        if (disk.guid.isEmpty() && disk.signature == 0) {
            throw new StepFailure("disk " + disk.serial.trim() + " is not initialized (partition style " + disk.partitionStyle
                    + ") on " + run.host.name + "; run the prepare-shared-disks step first (hvcluster apply runs it before validation)");
        }
        boolean everyNodeSees = c.nodes.stream().allMatch(n -> disk.visibleTo.stream().anyMatch(v -> v.equalsIgnoreCase(n.name)));
        if (disk.boot || !everyNodeSees || ClusterDisks.resourceOf(c, disk).isPresent()) {
            throw new StepFailure("disk '" + op.name() + "' is not available to the cluster: it must be a basic disk that every node sees and that is not in use");
        }
        c.diskCounter++;
        SimulatedCluster.DiskResource r = new SimulatedCluster.DiskResource();
        r.name = "Cluster Disk " + c.diskCounter;
        r.diskIdGuid = disk.guid;
        r.diskSignature = disk.signature;
        r.ownerNode = run.host.name;
        c.diskResources.add(r);
        run.change("added disk '" + op.name() + "' to the cluster as '" + r.name + "'");
        rename(run, c, r, op.name());
    }

    /** Setting a resource's Name: a name another resource holds is refused (names compare case-insensitively). */
    static void renameClusterResource(StepRun run, RenameClusterResource op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        SimulatedCluster.DiskResource r = c.diskResources.stream().filter(x -> x.name.equalsIgnoreCase(op.name())).findFirst()
                .orElseThrow(() -> new StepFailure("The cluster resource '" + op.name() + "' could not be found."));
        rename(run, c, r, op.newName());
    }

    private static void rename(StepRun run, SimulatedCluster c, SimulatedCluster.DiskResource r, String name) throws StepFailure {
        if (r.name.equals(name)) {
            return;
        }
        if (c.diskResources.stream().anyMatch(o -> o != r && o.name.equalsIgnoreCase(name))) {
            throw new StepFailure("An object with the name '" + name + "' already exists in the cluster.");
        }
        String old = r.name;
        c.sharedVolume(old).ifPresent(v -> v.name = name);
        if (c.quorumResource.equals(old)) {
            c.quorumResource = name;
        }
        r.name = name;
        run.change("renamed cluster resource '" + old + "' to '" + name + "'");
    }

    // ---- networks ----

    static void renameClusterNetwork(StepRun run, RenameClusterNetwork op) throws StepFailure {
        SimulatedCluster.Network n = network(run, op.id());
        String old = n.name;
        n.name = op.newName();
        run.change("renamed cluster network '" + old + "' to '" + op.newName() + "'");
    }

    /**
     * Setting a network's Role (CLUSTER_NETWORK_ROLE: bit 1 internal use, bit 2 client access). Windows refuses to take
     * client access from a network an IP Address resource uses (here: the cluster's own address) and internal use from
     * the last network that has it (the Role property's restrictions, docs/windows-behaviour.md).
     */
    static void setClusterNetworkRole(StepRun run, SetClusterNetworkRole op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        SimulatedCluster.Network n = network(run, op.id());
        boolean dropsClient = (n.role & CLIENT_ACCESS) != 0 && (op.role() & CLIENT_ACCESS) == 0;
        if (dropsClient && carries(n, c.address)) {
            throw new StepFailure("One or more cluster resources depend on the network to provide service to clients. "
                    + "The client access capability cannot be removed from the network.");
        }
        boolean dropsInternal = (n.role & INTERNAL_USE) != 0 && (op.role() & INTERNAL_USE) == 0;
        if (dropsInternal && c.networks.stream().noneMatch(o -> o != n && (o.role & INTERNAL_USE) != 0 && o.state.equals("Up"))) {
            throw new StepFailure("The cluster network is the only one configured for internal cluster communication between two or "
                    + "more active cluster nodes. The internal communication capability cannot be removed from the network.");
        }
        n.role = op.role();
        run.change("set the role of " + (op.stray() ? "stray " : "") + "cluster network '" + n.name + "' to " + op.role());
    }

    /** CLUSTER_NETWORK_ROLE's bits. */
    private static final int INTERNAL_USE = 1;
    private static final int CLIENT_ACCESS = 2;

    /** Whether {@code address} lies on the network's subnet. */
    private static boolean carries(SimulatedCluster.Network n, String address) {
        Optional<Ipv4> ip = Ipv4.parse(address == null ? "" : address);
        Optional<Ipv4> net = Ipv4.parse(n.address);
        Optional<Ipv4> mask = Ipv4.parse(n.mask);
        return ip.isPresent() && net.isPresent() && mask.isPresent()
                && (ip.get().value() & mask.get().value()) == (net.get().value() & mask.get().value());
    }

    private static SimulatedCluster.Network network(StepRun run, String id) throws StepFailure {
        return run.requireCluster().networks.stream().filter(n -> n.id.equals(id)).findFirst()
                .orElseThrow(() -> new StepFailure("No cluster network with Id '" + id + "' was found."));
    }

    /**
     * Set-ClusterParameter on a resource type: the 'Virtual Machine' type exists only once a node with Hyper-V is in the
     * cluster; without it the template sets nothing and says so, once.
     */
    static void setClusterParameter(StepRun run, SetClusterParameter op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        if (!op.resourceType().equals("Virtual Machine")) {
            throw new StepFailure("The cluster resource type '" + op.resourceType() + "' could not be found.");
        }
        if (!c.virtualMachineResourceType) {
            String text = "the cluster has no 'Virtual Machine' resource type yet; live-migration networks not set";
            if (!run.warnings.contains(text)) {
                run.warning(text);
            }
            return;
        }
        String names = networkNames(c, op.value());
        switch (op.parameter()) {
            case "MigrationNetworkOrder" -> {
                c.migrationNetworkOrder = op.value();
                run.change("live migration uses, in order: " + names);
            }
            case "MigrationExcludeNetworks" -> {
                c.migrationExcludeNetworks = op.value();
                run.change("live migration excludes: " + names);
            }
            default -> throw new StepFailure("The parameter '" + op.parameter() + "' is not a private property of resource type 'Virtual Machine'.");
        }
    }

    /** The script's report names the networks the Ids stand for. */
    private static String networkNames(SimulatedCluster c, String ids) {
        List<String> out = new java.util.ArrayList<>();
        for (String id : ids.isEmpty() ? new String[0] : ids.split(";")) {
            out.add(c.networks.stream().filter(n -> n.id.equals(id)).map(n -> n.name).findFirst().orElse(id));
        }
        return String.join(", ", out);
    }

    // ---- quorum ----

    /**
     * Set-ClusterQuorum: one witness resource per cluster, "File Share Witness" and "Cloud Witness" named after their
     * resource types as Windows names them, the old disk witness back in Available Storage. The cloud witness's key is
     * read from $HvcSecrets at the call (the template refuses to go on without it) and never kept.
     */
    static void setClusterQuorum(StepRun run, SetClusterQuorum op) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        String was = describeWitness(c);
        switch (op.witness()) {
            case DISK -> {
                SimulatedCluster.DiskResource res = c.diskResource(op.diskResource()).orElseThrow(() ->
                        new StepFailure("The cluster resource '" + op.diskResource() + "' could not be found."));
                c.setWitness(res.name, DISK, "", "");
                run.change("quorum witness set to disk '" + op.diskResource() + "' (was " + was + ")");
            }
            case FILE_SHARE -> {
                c.setWitness(SHARE, SHARE, op.sharePath(), "");
                run.change("quorum witness set to file share " + op.sharePath() + " (was " + was + ")");
            }
            case CLOUD -> {
                if (run.secrets.get("cloudWitnessKey") == null) {
                    throw new StepFailure("no access key for the cloud witness on storage account " + op.cloudAccount()
                            + ": hvcluster delivers it from the environment variable the inventory names");
                }
                c.setWitness(CLOUD, CLOUD, "", op.cloudAccount());
                run.change("quorum witness set to the cloud witness on storage account " + op.cloudAccount() + " (was " + was + ")");
            }
            case NONE -> {
                String released = c.quorumResource;
                c.setWitness("", "", "", "");
                run.change("quorum set to node majority (witness '" + released + "' released)");
            }
        }
    }

    /** The witness as the template reports it: 'name' (type, share path / account / name), or none. */
    static String describeWitness(SimulatedCluster c) {
        String current = c.quorumResource;
        if (current.isEmpty()) {
            return "none";
        }
        String type = c.quorumType.isEmpty() ? DISK : c.quorumType;
        String target = switch (type) {
            case SHARE -> c.witnessSharePath;
            case CLOUD -> c.witnessAccountName;
            default -> current;
        };
        return "'" + current + "' (" + type + ", " + target + ")";
    }
}
