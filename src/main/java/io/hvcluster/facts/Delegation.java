package io.hvcluster.facts;

import io.hvcluster.inventory.Inventory;

/**
 * The domain account whose credentials cluster-wide scripts use for calls that leave the node (the second
 * hop): New-Cluster, Add-ClusterNode and Test-Cluster reach the other nodes and AD. The password is never
 * rendered; scripts read it from $HvcSecrets[{@value #PASSWORD_SECRET}], which only the executor supplies.
 *
 * @param user   the account name without the realm ("hvadmin")
 * @param domain the account's domain ("CORP.EXAMPLE.COM"); LogonUser wants them apart
 */
public record Delegation(String user, String domain) {

    public static final String PASSWORD_SECRET = "DomainPassword";

    public static Delegation of(Inventory inventory) {
        String u = inventory.connection().username();
        int at = u.lastIndexOf('@');
        if (at > 0) {
            return new Delegation(u.substring(0, at), u.substring(at + 1));
        }
        int slash = u.indexOf('\\');
        if (slash > 0) {
            return new Delegation(u.substring(slash + 1), u.substring(0, slash));
        }
        return new Delegation(u, inventory.cluster().domain());
    }
}
