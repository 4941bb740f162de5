package io.hvcluster.sim.host;

import io.hvcluster.secrets.Secret;
import io.hvcluster.facts.Delegation;
import java.util.Locale;

/**
 * Calls that leave the node (New-Cluster, Add-ClusterNode, Test-Cluster and the preflight probe reaching the other
 * nodes and AD), modelled per second-hop mechanism as docs/second-hop.md's sources describe:
 * <ul>
 * <li>A WinRM network logon holds credentials only when the client delegated a TGT. Under {@code delegation} every
 * path works when it did, and fails like a bare network logon when it did not (the account cannot be delegated, or
 * a real Kerberos logon that carried no delegated credential).</li>
 * <li>{@code task}: Task Scheduler checks the password when the task is registered and needs the batch-logon
 * right to run it; the batch logon then holds full credentials, so every path works.</li>
 * <li>{@code impersonation}: LogonUser type 9 does not check the password. The remote registry, SMB and LDAP follow
 * the impersonated thread and use the given password; DCOM without cloaking uses the process token, the WinRM
 * logon, so WMI over DCOM fails unless that logon itself holds credentials.</li>
 * </ul>
 * Without $HvcSecrets the scripts run the body as the current user (a bundle run by hand): the WinRM logon as is.
 * Host faults (firewall, stopped services, LDAP unreachable) fail their path whatever the mechanism.
 */
final class SecondHop {

    static final String FUNCTION = "Invoke-HvcSecondHop";

    /** The paths New-Cluster and Test-Cluster take (and preflight tries), named as the probe names them. */
    enum Path {
        WMI_DCOM("wmiDcom"), REMOTE_REGISTRY("remoteRegistry"), ADMIN_SHARE("adminShare"), LDAP("ldap");

        final String probeName;

        Path(String probeName) {
            this.probeName = probeName;
        }
    }

    private enum Credentials { NONE, IMPERSONATED, FULL }

    private final StepRun run;
    private final Delegation delegation;
    private final Credentials credentials;
    private final Secret password;

    private SecondHop(StepRun run, Delegation delegation, Credentials credentials, Secret password) {
        this.run = run;
        this.delegation = delegation;
        this.credentials = credentials;
        this.password = password;
    }

    /**
     * Enters Invoke-HvcSecondHop's body (or, for a script without it, runs as the WinRM user).
     *
     * @throws StepFailure when the mechanism itself fails: Task Scheduler refuses the password or cannot run the task
     */
    static SecondHop enter(StepRun run, Delegation delegation) throws StepFailure {
        boolean usesFunction = run.scriptText.contains(FUNCTION);
        Secret password = run.secrets.get(Delegation.PASSWORD_SECRET);
        String mechanism = delegation.mechanism();
        boolean logonHolds = logonHoldsCredentials(run, mechanism);
        if (!usesFunction) {
            return new SecondHop(run, delegation, logonHolds ? Credentials.FULL : Credentials.NONE, null);
        }
        if (mechanism.equals("delegation")) {
            return new SecondHop(run, delegation, logonHolds ? Credentials.FULL : Credentials.NONE, null);
        }
        if (password == null) {
            run.stderr.add("note: no delegated credential supplied; running as the current user");
            return new SecondHop(run, delegation, Credentials.NONE, null);
        }
        if (mechanism.equals("task")) {
            String account = delegation.domain() + "\\" + delegation.user();
            if (!passwordRight(run, delegation, password)) {
                throw new StepFailure("second hop (task): Task Scheduler refused to register a task as " + account
                        + ": The user name or password is incorrect.");
            }
            if (run.dc.directory.noBatchLogonRight) {
                throw new StepFailure("second hop (task): the task ran as " + account + " but left no result (last result 2147943785: "
                        + "Logon failure: the user has not been granted the requested logon type at this computer)");
            }
            return new SecondHop(run, delegation, Credentials.FULL, password);
        }
        // impersonation: LogonUser type 9 succeeds whatever the password; the outbound calls use it.
        return new SecondHop(run, delegation, logonHolds ? Credentials.FULL : Credentials.IMPERSONATED, password);
    }

    /** As {@link #enter}, for the cluster cmdlets' scripts: a failure carries the hint the templates add. */
    static SecondHop forCmdlets(StepRun run, Delegation delegation) throws StepFailure {
        try {
            return enter(run, delegation);
        } catch (StepFailure f) {
            throw hinted(f, delegation);
        }
    }

    /**
     * Whether the WinRM logon itself holds network credentials. A real Kerberos logon (through the simulator's GSS
     * acceptor) holds them when it carried a delegated TGT; a Basic logon stands in for hvcluster's own client, which
     * forwards a TGT exactly when the mechanism is delegation. Either way the account must be delegable.
     */
    private static boolean logonHoldsCredentials(StepRun run, String mechanism) {
        if (run.dc.directory.accountNotDelegable) {
            return false;
        }
        return run.logon.kerberos() ? run.logon.delegatedCredential() : mechanism.equals("delegation");
    }

    /**
     * One cluster-cmdlet call to another node (WMI, registry, SMB) or to AD (LDAP); fails as Windows would, and
     * adds the hint the templates add (Get-HvcSecondHopHint).
     */
    void reach(String target) throws StepFailure {
        boolean domain = target.equalsIgnoreCase(run.dc.directory.domain);
        try {
            if (domain) {
                call(target, Path.LDAP);
            } else {
                if (run.dc.host(target).map(h -> h.down).orElse(false)) {
                    throw new StepFailure("The RPC server is unavailable. (Exception from HRESULT: 0x800706BA) connecting to '" + target + "'");
                }
                call(target, Path.REMOTE_REGISTRY);
                call(target, Path.WMI_DCOM);
                call(target, Path.ADMIN_SHARE);
            }
        } catch (StepFailure f) {
            throw hinted(f, delegation);
        }
    }

    /** {@link #reach} every node of {@code nodes} but the one the script runs on. */
    void reachAll(java.util.List<String> nodes) throws StepFailure {
        for (String node : nodes) {
            if (!node.equalsIgnoreCase(run.host.name)) {
                reach(node);
            }
        }
    }

    /** templates/_lib/second-hop.ps1.vm's Get-HvcSecondHopHint: a second-hop failure names the mechanism and where to look. */
    private static StepFailure hinted(StepFailure f, Delegation delegation) {
        String m = f.getMessage();
        if (m.matches("(?is).*(administrative privileges|Access is denied|access denied|0x80070005|RPC server is unavailable|"
                + "user name or password|logon failure|not allowed).*")) {
            return new StepFailure(m + " [second hop: " + delegation.mechanism()
                    + "; run hvcluster preflight (check second-hop) and read docs/second-hop.md]");
        }
        return f;
    }

    /** One path to one target, as the preflight probe tries it; fails with Windows' message. */
    void call(String target, Path path) throws StepFailure {
        if (path == Path.LDAP) {
            if (run.dc.directory.ldapUnreachable) {
                throw new StepFailure("The server is not operational.");
            }
        } else {
            WindowsHost h = run.dc.host(target).orElse(null);
            if (h == null || h.down) {
                throw new StepFailure(path == Path.ADMIN_SHARE ? "The network path was not found."
                        : "The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)");
            }
            if (path == Path.WMI_DCOM && h.faults.blocksWmiDcom) {
                throw new StepFailure("The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)");
            }
            if (path == Path.REMOTE_REGISTRY && (h.faults.remoteRegistryStopped || h.faults.blocksSmb)) {
                throw new StepFailure("The network path was not found.");
            }
            if (path == Path.ADMIN_SHARE && h.faults.blocksSmb) {
                throw new StepFailure("The network path was not found.");
            }
        }
        switch (credentials) {
            case FULL -> {
                return;
            }
            case IMPERSONATED -> {
                if (path == Path.WMI_DCOM) {
                    // No cloaking: DCOM authenticates with the process token, the WinRM network logon.
                    throw denied(target, path);
                }
                if (!passwordRight(run, delegation, password)) {
                    throw new StepFailure("The user name or password is incorrect.");
                }
            }
            case NONE -> throw denied(target, path);
        }
    }

    private static StepFailure denied(String target, Path path) {
        return new StepFailure(switch (path) {
            case WMI_DCOM -> "Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))";
            case REMOTE_REGISTRY -> "You do not have administrative privileges on the server '" + target
                    + "'. Requested registry access is not allowed.";
            case ADMIN_SHARE -> "Access is denied.";
            case LDAP -> "An operations error occurred.";
        });
    }

    private static boolean passwordRight(StepRun run, Delegation delegation, Secret password) {
        return password != null && run.dc.directory.passwordMatches(password) && sameDomain(run, delegation.domain());
    }

    private static boolean sameDomain(StepRun run, String domain) {
        String ad = run.dc.directory.domain.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        return d.equals(ad) || ad.startsWith(d + ".");
    }
}
