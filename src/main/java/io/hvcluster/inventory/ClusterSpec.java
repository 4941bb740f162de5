package io.hvcluster.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Cluster-wide settings.
 *
 * @param name            the cluster's computer (CNO) name, a NetBIOS name
 * @param address         the cluster's static IPv4 address, in the management subnet
 * @param domain          the AD domain every node is joined to (FQDN)
 * @param targetOs        the Windows Server version every node runs
 * @param quorum          the quorum mode as written (may be AUTO)
 * @param witness         the witness disk, if any
 * @param sharedVolumes   disks to add as Cluster Shared Volumes
 * @param virtualSwitches external switches created identically on every host
 * @param disableUnusedAdapters disable the physical NICs the inventory does not name (never the session's own)
 */
public record ClusterSpec(
        String name,
        Ipv4 address,
        String domain,
        TargetOs targetOs,
        QuorumMode quorum,
        Optional<DiskSpec> witness,
        List<DiskSpec> sharedVolumes,
        List<VirtualSwitchSpec> virtualSwitches,
        boolean disableUnusedAdapters) {

    public ClusterSpec {
        sharedVolumes = List.copyOf(sharedVolumes);
        virtualSwitches = List.copyOf(virtualSwitches);
    }

    /** Without the optional settings (unused adapters are left alone). */
    public ClusterSpec(String name, Ipv4 address, String domain, TargetOs targetOs, QuorumMode quorum, Optional<DiskSpec> witness,
            List<DiskSpec> sharedVolumes, List<VirtualSwitchSpec> virtualSwitches) {
        this(name, address, domain, targetOs, quorum, witness, sharedVolumes, virtualSwitches, false);
    }

    /** The quorum actually configured for a cluster of {@code nodeCount} nodes (AUTO resolved). */
    public QuorumMode effectiveQuorum(int nodeCount) {
        return quorum.resolve(nodeCount);
    }
}
