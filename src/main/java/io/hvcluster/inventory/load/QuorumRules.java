package io.hvcluster.inventory.load;

import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.inventory.check.Problems;

/** Whether the quorum mode, the node count and the witness disk fit together. */
final class QuorumRules {

    private QuorumRules() {
    }

    static void check(InventoryDocument d, Problems problems) {
        ClusterDocument c = d.cluster();
        int nodes = d.hosts().size();
        if (c == null || c.witnessAt() != null || nodes < HostRules.MIN_NODES) {
            return;
        }
        boolean written = c.quorum() != null;
        QuorumMode mode = written ? c.quorum().value() : QuorumMode.AUTO;
        // The problem is the missing witness; point at the quorum choice that needs it when there is one.
        Anchor at = (written ? c.quorum().at() : c.at()).withPath("cluster.witness");
        String count = nodes + " nodes (an " + (nodes % 2 == 0 ? "even" : "odd") + " count)";
        if (mode == QuorumMode.NODE_AND_DISK_MAJORITY) {
            problems.add(at.error("missing: quorum node-and-disk-majority needs a witness disk"));
        } else if (mode == QuorumMode.AUTO && nodes % 2 == 0) {
            problems.add(at.error("missing: quorum auto with " + count + " needs a witness disk as tie-breaker"));
        } else if (nodes % 2 == 0) {
            problems.add(at.warning("missing: node-majority with " + count
                    + " loses quorum when half of the nodes fail; add a witness disk"));
        } else {
            problems.add(at.warning("no witness disk defined; the guide advises creating it anyway: the cluster "
                    + "may grow"));
        }
    }
}
