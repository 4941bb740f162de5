package io.hvcluster.inventory;

import java.util.Optional;

/**
 * How cluster-wide scripts (Test-Cluster, New-Cluster, Add-ClusterNode) get credentials that reach the other nodes
 * and AD from inside a WinRM session. The evidence behind each choice and the defaults: docs/second-hop.md.
 */
public enum SecondHop {
    /** Kerberos: {@link #DELEGATION}; Basic: {@link #TASK}. */
    AUTO("auto"),
    /** Run in the session; the Kerberos logon holds a forwarded TGT. No password on the host. */
    DELEGATION("delegation"),
    /** Run in a one-shot scheduled task registered as the account (a batch logon with full credentials). */
    TASK("task"),
    /** LogonUser type 9 (NEW_CREDENTIALS) thread impersonation; DCOM does not follow it (docs/second-hop.md). */
    IMPERSONATION("impersonation");

    private final String yamlName;

    SecondHop(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** The mechanism {@code auto} stands for with this authentication; any other value stands for itself. */
    public SecondHop resolve(AuthMethod auth) {
        if (this != AUTO) {
            return this;
        }
        return auth == AuthMethod.KERBEROS ? DELEGATION : TASK;
    }

    /** Whether the scripts need the domain password on the host ($HvcSecrets). */
    public boolean needsPassword() {
        return this == TASK || this == IMPERSONATION;
    }

    public static Optional<SecondHop> fromYaml(String s) {
        for (SecondHop h : values()) {
            if (h.yamlName.equals(s)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
