package io.hvcluster.sim.host;

import io.hvcluster.secrets.Secret;
import io.hvcluster.facts.Delegation;
import java.util.Locale;

/**
 * Calls that leave the node (New-Cluster, Add-ClusterNode, Test-Cluster reaching other nodes and AD). A WinRM
 * logon holds no credential it can pass on, so they fail with access denied unless the script impersonates
 * the domain account as the project does: it calls Invoke-HvcWithDomainCredential and the executor delivered
 * $HvcSecrets['DomainPassword']. LogonUser type 9 does not check the password, so a wrong one fails only at the
 * first remote call, here.
 */
final class SecondHop {

    static final String FUNCTION = "Invoke-HvcWithDomainCredential";

    private final StepRun run;
    private final Delegation delegation;
    private final boolean impersonating;

    private SecondHop(StepRun run, Delegation delegation, boolean impersonating) {
        this.run = run;
        this.delegation = delegation;
        this.impersonating = impersonating;
    }

    /** Enters Invoke-HvcWithDomainCredential's body (or, for a script without it, runs as the WinRM user). */
    static SecondHop enter(StepRun run, Delegation delegation) {
        boolean usesFunction = run.scriptText.contains(FUNCTION);
        boolean hasSecret = run.secrets.containsKey(Delegation.PASSWORD_SECRET);
        if (usesFunction && !hasSecret) {
            run.stderr.add("note: no delegated credential supplied; running as the current user");
        }
        return new SecondHop(run, delegation, usesFunction && hasSecret);
    }

    /** One call to another node (or to AD); fails as Windows would when the hop is not possible. */
    void reach(String target) throws StepFailure {
        if (!impersonating) {
            throw new StepFailure("You do not have administrative privileges on the server '" + target
                    + "'. Requested registry access is not allowed.");
        }
        Secret password = run.secrets.get(Delegation.PASSWORD_SECRET);
        if (!run.dc.directory.passwordMatches(password) || !sameDomain(delegation.domain())) {
            throw new StepFailure("Failed to connect to '" + target + "' as " + delegation.domain() + "\\" + delegation.user()
                    + ": The user name or password is incorrect.");
        }
        if (run.dc.host(target).map(h -> h.down).orElse(false)) {
            throw new StepFailure("The RPC server is unavailable. (Exception from HRESULT: 0x800706BA) connecting to '" + target + "'");
        }
    }

    private boolean sameDomain(String domain) {
        String ad = run.dc.directory.domain.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return d.equals(ad) || ad.startsWith(d + ".");
    }
}
