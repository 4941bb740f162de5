package io.hvcluster.preflight;

import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.Answer;
import java.util.Optional;

/**
 * New-Cluster creates a computer account (the CNO) and a DNS record with the cluster's name; a leftover of
 * either (an old cluster, another server) makes it fail. A disabled account is a prestaged CNO, which is fine.
 * Once the cluster exists the name is of course taken, by it: nothing to check.
 */
final class ClusterNameCheck implements PreflightCheck {

    @Override
    public String id() {
        return "cluster-name";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        if (in.clusterExists()) {
            return;
        }
        String name = in.inventory().cluster().name();
        String fqdn = name + "." + in.inventory().cluster().domain();
        Optional<PreflightFacts.Directory> dir = directory(in);
        if (dir.isEmpty()) {
            out.warning(Finding.CLUSTER, "whether the name " + name + " is free could not be checked: the first node, "
                    + in.inventory().firstNode().name() + ", gave no AD/DNS answers", "a cluster name no computer account or DNS record uses",
                    "check by hand: Resolve-DnsName " + fqdn + " must answer that the name does not exist, and 'dsquery computer -name "
                            + name + "' (or Get-ADComputer " + name + ") must find nothing or a disabled, prestaged account");
            return;
        }
        PreflightFacts.Directory d = dir.get();
        if (d.dnsTaken() == Answer.yes) {
            out.error(Finding.CLUSTER, fqdn + " already resolves to " + String.join(", ", d.dnsAddresses()),
                    "a cluster name no DNS record uses",
                    "choose another cluster.name, or delete the stale DNS record of " + fqdn + " (and the computer account of the cluster that used it)");
        } else if (d.dnsTaken() == Answer.unknown) {
            out.warning(Finding.CLUSTER, "whether " + fqdn + " is taken in DNS could not be checked: " + d.dnsMessage(),
                    "a cluster name no DNS record uses", "check by hand on a node: Resolve-DnsName " + fqdn + " must answer that the name does not exist");
        }
        if (d.computerObject() == Answer.yes && d.computerObjectEnabled()) {
            out.error(Finding.CLUSTER, "an enabled computer account " + name + " already exists (" + d.computerObjectDn() + ")",
                    "no computer account with the cluster's name, or a prestaged one that is disabled",
                    "choose another cluster.name, or, if it is left over from a destroyed cluster or server, delete it in Active Directory Users "
                            + "and Computers; to prestage the cluster's account, it must be disabled");
        } else if (d.computerObject() == Answer.unknown) {
            out.warning(Finding.CLUSTER, "whether a computer account " + name + " exists could not be checked: " + d.directoryMessage(),
                    "no computer account with the cluster's name, or a prestaged one that is disabled",
                    "check by hand: 'dsquery computer -name " + name + "' (or Get-ADComputer " + name
                            + " with RSAT-AD-PowerShell) must find nothing or a disabled account");
        }
    }

    static Optional<PreflightFacts.Directory> directory(PreflightInput in) {
        return in.probe(in.inventory().firstNode()).map(PreflightFacts::directory);
    }
}
