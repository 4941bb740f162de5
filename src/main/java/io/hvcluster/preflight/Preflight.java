package io.hvcluster.preflight;

import io.hvcluster.inventory.Host;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every preflight check over the facts and returns every finding at once, host by host. Pure: the
 * probes ran before; this only reads their results.
 */
public final class Preflight {

    private final List<PreflightCheck> checks;

    public Preflight(List<PreflightCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The checks, in the order they run. */
    public List<PreflightCheck> checks() {
        return checks;
    }

    /** The standard checks, in the order their findings read best: OS, CPU, domain, network, storage, state. */
    public static Preflight standard() {
        return new Preflight(List.of(
                new ProbeSectionsCheck(),
                new OsVersionCheck(),
                new OsEditionCheck(),
                new InstallationTypeCheck(),
                new CpuArchitectureCheck(),
                new VirtualizationCheck(),
                new DepCheck(),
                new CpuConsistencyCheck(),
                new DomainMembershipCheck(),
                new ClusterNameCheck(),
                new ComputerObjectPermissionCheck(),
                new SecondHopCheck(),
                new NicPresenceCheck(),
                new NicCountCheck(),
                new NicConsistencyCheck(),
                new ReachabilityCheck(),
                new SharedDiskVisibilityCheck(),
                new SharedDiskUsageCheck(),
                new PendingRebootCheck(),
                new ClusterMembershipCheck(),
                new HyperVInstallPendingCheck()));
    }

    public PreflightReport check(PreflightInput in) {
        Findings out = new Findings();
        for (PreflightCheck c : checks) {
            out.startCheck(c.id());
            c.check(in, out);
        }
        Comparator<String> byHost = Comparator.comparingInt(h -> position(in.hosts(), h));
        List<Finding> findings = new ArrayList<>(out.findings());
        findings.sort(Comparator.comparing(Finding::host, byHost));
        List<Skipped> skipped = new ArrayList<>(out.skipped());
        skipped.sort(Comparator.comparing(Skipped::host, byHost));
        return new PreflightReport(findings, skipped);
    }

    /** Inventory order; "cluster" (and anything unknown) after every host. */
    private static int position(List<Host> hosts, String host) {
        for (int i = 0; i < hosts.size(); i++) {
            if (hosts.get(i).name().equalsIgnoreCase(host)) {
                return i;
            }
        }
        return hosts.size();
    }
}
