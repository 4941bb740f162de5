package io.hvcluster.preflight;

import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.Answer;

/**
 * The most common reason New-Cluster fails: the account creating the cluster may not create its computer
 * object (CNO) in the OU that holds the nodes' computer accounts. Not needed when the CNO is prestaged
 * (disabled). The probe reads the OU's ACL as best it can; when it cannot tell, say how to check by hand.
 */
final class ComputerObjectPermissionCheck implements PreflightCheck {

    @Override
    public String id() {
        return "cluster-object-permission";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        if (in.clusterExists()) {
            return;
        }
        PreflightFacts.Directory d = ClusterNameCheck.directory(in).orElse(null);
        if (d == null || d.computerObject() == Answer.yes) {
            // No answers (cluster-name says so already), or the account exists: prestaged, or taken (an error there).
            return;
        }
        String name = in.inventory().cluster().name();
        String account = d.account().isEmpty() ? in.inventory().connection().username() : d.account();
        String ou = d.nodeOu().isEmpty() ? "the OU holding the nodes' computer accounts" : d.nodeOu();
        String prestage = "or have a domain admin prestage the cluster's account: a disabled computer account " + name
                + " in that OU, with Full Control for " + account;
        if (d.mayCreateComputers() == Answer.no) {
            out.error(Finding.CLUSTER, account + " may not create computer objects in " + ou,
                    "the right to create the cluster's computer object (" + name + ") there, or a prestaged disabled account " + name,
                    "have a domain admin grant " + account + " 'Create Computer objects' on " + ou + " (Active Directory Users and Computers > "
                            + "Properties > Security > Advanced), " + prestage);
        } else if (d.mayCreateComputers() == Answer.unknown) {
            String why = d.directoryMessage().isEmpty() ? "" : ": " + d.directoryMessage();
            out.warning(Finding.CLUSTER, "whether " + account + " may create computer objects in " + ou + " could not be checked" + why,
                    "the right to create the cluster's computer object (" + name + ") there, or a prestaged disabled account " + name,
                    "check by hand: Active Directory Users and Computers > that OU > Properties > Security > Advanced > Effective Access for "
                            + account + " must allow 'Create Computer objects'; " + prestage);
        }
    }
}
