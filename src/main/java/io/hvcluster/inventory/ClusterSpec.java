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
 * @param externalWitness a file-share or cloud witness instead of the witness disk, if any
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
        boolean disableUnusedAdapters,
        Optional<ExternalWitness> externalWitness) {

    public ClusterSpec {
        sharedVolumes = List.copyOf(sharedVolumes);
        virtualSwitches = List.copyOf(virtualSwitches);
    }

    /** Without a file-share or cloud witness. */
    public ClusterSpec(String name, Ipv4 address, String domain, TargetOs targetOs, QuorumMode quorum, Optional<DiskSpec> witness,
            List<DiskSpec> sharedVolumes, List<VirtualSwitchSpec> virtualSwitches, boolean disableUnusedAdapters) {
        this(name, address, domain, targetOs, quorum, witness, sharedVolumes, virtualSwitches, disableUnusedAdapters, Optional.empty());
    }

    /** Without the optional settings (unused adapters are left alone). */
    public ClusterSpec(String name, Ipv4 address, String domain, TargetOs targetOs, QuorumMode quorum, Optional<DiskSpec> witness,
            List<DiskSpec> sharedVolumes, List<VirtualSwitchSpec> virtualSwitches) {
        this(name, address, domain, targetOs, quorum, witness, sharedVolumes, virtualSwitches, false);
    }

    /**
     * The quorum actually configured (AUTO resolved). Microsoft recommends a witness on every cluster since
     * Windows Server 2012 R2 (dynamic witness), so AUTO configures the inventory's witness whenever it defines
     * one, whatever the node count; node majority without a witness only when the admin writes node-majority.
     */
    public QuorumMode effectiveQuorum(int nodeCount) {
        if (quorum == QuorumMode.AUTO) {
            return hasWitness() ? QuorumMode.NODE_AND_DISK_MAJORITY : QuorumMode.NODE_MAJORITY;
        }
        return quorum;
    }

    /** Whether the inventory defines any witness: a disk, a file share or a cloud witness. */
    public boolean hasWitness() {
        return witness.isPresent() || externalWitness.isPresent();
    }
}
