package io.hvcluster.preflight;

import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightFacts.Hop;
import io.hvcluster.inventory.Host;
import java.util.Locale;
import java.util.Optional;

/**
 * The second hop, proven before anything changes: from the first node, under the mechanism create-cluster will use
 * (connection.secondHop), the paths New-Cluster and Test-Cluster take to every other node (WMI over DCOM, the remote
 * registry, the ADMIN$ share over SMB) and an LDAP bind to AD. Each failing path is an error naming the node, the
 * path and the fix. A wrong password shows up here: Task Scheduler refuses to register the task, or the LDAP bind
 * under impersonation fails. Evidence per mechanism: docs/second-hop.md.
 */
final class SecondHopCheck implements PreflightCheck {

    @Override
    public String id() {
        return "second-hop";
    }

    @Override
    public void check(PreflightInput in, Findings out) {
        Host first = in.inventory().firstNode();
        Optional<PreflightFacts> probe = in.probe(first);
        if (probe.isEmpty() || probe.get().directory() == null) {
            return;
        }
        String mechanism = probe.get().secondHop().isEmpty() ? in.inventory().connection().secondHopMechanism().yamlName()
                : probe.get().secondHop();
        String account = in.inventory().connection().username();
        Optional<Hop> mechanismFailed = probe.get().hops().stream().filter(h -> h.path().equals("mechanism")).findFirst();
        if (mechanismFailed.isPresent()) {
            // The mechanism itself failed (Task Scheduler refused the password, LogonUser failed): one finding, not one per node.
            Hop hop = mechanismFailed.get();
            report(in, out, Finding.CLUSTER, "secondHop '" + mechanism + "' failed on " + first.name() + ": " + hop.message(),
                    "the cluster cmdlets get " + account + "'s credentials on " + first.name(), fix(hop, mechanism, account) + " (docs/second-hop.md)");
            return;
        }
        for (Hop hop : probe.get().hops()) {
            if (hop.ok()) {
                continue;
            }
            String found = first.name() + " -> " + hop.target() + ": " + describe(hop.path()) + " failed under secondHop '" + mechanism
                    + "': " + hop.message();
            String expected = "the cluster cmdlets can reach " + hop.target() + " from " + first.name() + " (" + describe(hop.path()) + ")";
            String fix = fix(hop, mechanism, account) + " (docs/second-hop.md)";
            report(in, out, hop.path().equals("ldap") ? Finding.CLUSTER : hop.target(), found, expected, fix);
        }
    }

    private static void report(PreflightInput in, Findings out, String host, String found, String expected, String fix) {
        if (in.clusterExists()) {
            // The cluster is there; only nodes still missing from it need the hop (Add-ClusterNode).
            out.warning(host, found, expected, fix);
        } else {
            out.error(host, found, expected, fix);
        }
    }

    private static String describe(String path) {
        return switch (path) {
            case "wmiDcom" -> "WMI over DCOM";
            case "remoteRegistry" -> "the remote registry";
            case "adminShare" -> "the ADMIN$ share over SMB";
            case "ldap" -> "the LDAP bind to AD";
            default -> "the second-hop mechanism";
        };
    }

    static String fix(Hop hop, String mechanism, String account) {
        String m = hop.message().toLowerCase(Locale.ROOT);
        if (m.contains("requested logon type") || m.contains("batch job")) {
            return "grant " + account + " 'Log on as a batch job' on the first node (Local Security Policy or the GPO that "
                    + "removed it), or choose connection.secondHop: delegation (Kerberos)";
        }
        if (m.contains("user name or password") || m.contains("logon failure") || m.contains("password is incorrect")) {
            return "the password of " + account + " is wrong (or the account is locked or disabled); correct it where "
                    + "connection.password points";
        }
        if (m.contains("batch")) {
            return "grant " + account + " 'Log on as a batch job' on the first node (Local Security Policy or the GPO that "
                    + "removed it), or choose connection.secondHop: delegation (Kerberos)";
        }
        boolean denied = m.contains("access is denied") || m.contains("access denied") || m.contains("0x80070005")
                || m.contains("not allowed") || m.contains("administrative privileges");
        if (denied) {
            return switch (mechanism) {
                case "delegation" -> "the WinRM logon holds no delegated ticket: make sure " + account + " may be delegated (not "
                        + "'Account is sensitive and cannot be delegated', not in Protected Users) and that Kerberos tickets are "
                        + "forwardable, or choose connection.secondHop: task";
                case "impersonation" -> hop.path().equals("wmiDcom")
                        ? "DCOM does not follow LogonUser impersonation (no cloaking); choose connection.secondHop: task, or "
                                + "delegation with Kerberos"
                        : "make " + account + " a local administrator on " + hop.target() + ", or choose connection.secondHop: task";
                default -> "make " + account + " a local administrator on " + hop.target();
            };
        }
        return switch (hop.path()) {
            case "wmiDcom" -> "open the firewall rule group 'Windows Management Instrumentation (WMI)' (DCOM, TCP 135 and the "
                    + "dynamic RPC ports) on " + hop.target();
            case "remoteRegistry" -> "start the Remote Registry service on " + hop.target() + " (Set-Service RemoteRegistry "
                    + "-StartupType Automatic) and allow 'Remote Service Management' / SMB (TCP 445) in its firewall";
            case "adminShare" -> "allow 'File and Printer Sharing (SMB-In)' (TCP 445) on " + hop.target()
                    + " and keep the ADMIN$ share (AutoShareServer not 0)";
            case "ldap" -> "make sure the first node reaches a domain controller of " + hop.target()
                    + " (DNS, TCP 389) and the account can bind";
            default -> "check the second-hop mechanism '" + mechanism + "' for " + account;
        };
    }
}
