package io.hvcluster.facts;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.SecondHop;
import java.util.Locale;

/**
 * The domain account whose credentials cluster-wide scripts use for calls that leave the node (the second
 * hop): New-Cluster, Add-ClusterNode and Test-Cluster reach the other nodes and AD. The password is never
 * rendered; scripts read it from $HvcSecrets[{@value #PASSWORD_SECRET}], which only the executor supplies, and
 * only for the mechanisms that need it (docs/second-hop.md).
 *
 * @param user      the account name without the realm ("hvadmin")
 * @param domain    the account's domain ("CORP.EXAMPLE.COM"); LogonUser and Task Scheduler want them apart
 * @param mechanism the resolved connection.secondHop: "delegation", "task" or "impersonation"
 */
public record Delegation(String user, String domain, String mechanism) {

    public static final String PASSWORD_SECRET = "DomainPassword";

    public static Delegation of(Inventory inventory) {
        String mechanism = inventory.connection().secondHopMechanism().yamlName();
        String u = inventory.connection().username();
        int at = u.lastIndexOf('@');
        if (at > 0) {
            return new Delegation(u.substring(0, at), u.substring(at + 1), mechanism);
        }
        int slash = u.indexOf('\\');
        if (slash > 0) {
            return new Delegation(u.substring(slash + 1), u.substring(0, slash), mechanism);
        }
        return new Delegation(u, inventory.cluster().domain(), mechanism);
    }

    /** The mechanism as the inventory's enumeration. */
    public SecondHop secondHop() {
        return SecondHop.valueOf(mechanism.toUpperCase(Locale.ROOT));
    }
}
