package io.hvcluster.inventory.load;

import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.inventory.check.Problems;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the quorum mode, the node count and the witness fit together. Microsoft recommends configuring a
 * witness on every cluster since Windows Server 2012 R2: with dynamic quorum and dynamic witness the cluster
 * decides itself whether the witness has a vote (learn.microsoft.com/windows-server/failover-clustering/
 * manage-cluster-quorum, "we recommend that you always configure a quorum witness"). So a missing witness is a
 * warning even for an odd node count, and node majority with a witness defined only when written explicitly.
 */
final class QuorumRules {

    static final String WITNESS_KINDS = "witness (a disk), fileShareWitness or cloudWitness";

    private QuorumRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        ClusterDocument c = d.cluster();
        int nodes = d.hosts().size();
        if (c == null) {
            return;
        }
        List<Anchor> defined = new ArrayList<>();
        if (c.witnessAt() != null) {
            defined.add(c.witnessAt());
        }
        c.externalWitnesses().forEach(w -> defined.add(w.at()));
        if (defined.size() > 1) {
            // The cluster has exactly one witness resource; which one would win is not the tool's guess.
            defined.subList(1, defined.size()).forEach(at -> problems.add(at.error("a cluster has one witness; define only one of "
                    + WITNESS_KINDS)));
        }
        boolean written = c.quorum() != null;
        QuorumMode mode = written ? c.quorum().value() : QuorumMode.AUTO;
        if (!defined.isEmpty()) {
            if (mode == QuorumMode.NODE_MAJORITY) {
                problems.add(c.quorum().at().warning("node-majority leaves the witness defined here unused; Microsoft "
                        + "recommends a witness on every cluster (dynamic witness): use quorum auto"));
            }
            return;
        }
        if (nodes < HostRules.MIN_NODES) {
            return;
        }
        // The problem is the missing witness; point at the quorum choice that needs it when there is one.
        Anchor at = (written ? c.quorum().at() : c.at()).withPath("cluster.witness");
        String count = nodes + " nodes (an " + (nodes % 2 == 0 ? "even" : "odd") + " count)";
        if (mode == QuorumMode.NODE_AND_DISK_MAJORITY) {
            problems.add(at.error("missing: quorum node-and-disk-majority needs a witness: " + WITNESS_KINDS));
        } else if (mode == QuorumMode.AUTO && nodes % 2 == 0) {
            problems.add(at.error("missing: quorum auto with " + count + " needs a witness as tie-breaker: " + WITNESS_KINDS));
        } else if (mode == QuorumMode.AUTO) {
            problems.add(at.warning("no witness defined; Microsoft recommends a witness on every cluster: add "
                    + WITNESS_KINDS + ", or write quorum: node-majority to run without one"));
        } else if (nodes % 2 == 0) {
            problems.add(at.warning("missing: node-majority with " + count
                    + " loses quorum when half of the nodes fail; add " + WITNESS_KINDS));
        }
    }
}
