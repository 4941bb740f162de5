package io.hvcluster.sim.host;

import io.hvcluster.steps.ValidateClusterStep;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * templates/validate-cluster/apply.ps1.vm around a model of Test-Cluster: it reaches every other node (the second
 * hop) and compares what matters between the nodes. Each test with findings writes a warning, the last warning
 * is the "Test Result:" summary; the script parses the flags exactly as the template does.
 */
final class ValidateClusterEffect implements StepEffect<ValidateClusterStep.Params> {

    /** The summary flag the simulator gives a validation with failed tests (unverified against a real host). */
    static final String FAILED_FLAG = "ClusterNotApproved";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    public Class<ValidateClusterStep.Params> paramsType() {
        return ValidateClusterStep.Params.class;
    }

    @Override
    public void apply(StepRun run, ValidateClusterStep.Params params) throws StepFailure {
        boolean member = run.cluster().isPresent();
        if (run.host.clusterServiceStatus(member).isEmpty()) {
            throw new StepFailure("the Failover Clustering feature is not installed on this node (install-failover-clustering runs first)");
        }
        if (member) {
            run.warning("this node is already in cluster " + run.cluster().get().name
                    + "; validation skipped (Test-Cluster -Ignore Storage re-validates by hand)");
            return;
        }
        String report = "C:\\Windows\\Cluster\\Reports\\" + params.reportName() + "-" + STAMP.format(run.now) + ".htm";
        SecondHop hop = SecondHop.forCmdlets(run, params.delegation());
        for (String node : params.nodes()) {
            if (!node.equalsIgnoreCase(run.host.name)) {
                hop.reach(node);
            }
        }
        run.spend(run.latencies().testCluster());
        List<String> testWarnings = new ArrayList<>();
        boolean failed = findings(run, params, testWarnings);
        if (!testWarnings.isEmpty()) {
            testWarnings.add("Test Result:\r\n" + (failed ? FAILED_FLAG : "ClusterConditionallyApproved")
                    + "\r\nTesting has completed for the tests you selected. You should review the warnings in the Report."
                    + "\r\nTest report file path: " + report);
        }
        run.data.put("report", report);
        run.host.clusterReports.add(report);
        List<String> flags = new ArrayList<>();
        for (String w : testWarnings) {
            if (w.startsWith("Test Result:")) {
                for (String f : w.split("\r\n")[1].split(",")) {
                    if (!f.isBlank()) {
                        flags.add(f.trim());
                    }
                }
            } else {
                run.warning(w);
            }
        }
        run.data.put("flags", flags);
        List<String> refused = flags.stream().filter(f -> !params.acceptedFlags().contains(f)).toList();
        if (!refused.isEmpty()) {
            throw new StepFailure("validation did not pass (" + String.join(", ", refused) + "); read the report: " + report);
        }
    }

    /** Adds a warning per test with findings; true when a test failed. */
    private static boolean findings(StepRun run, ValidateClusterStep.Params params, List<String> out) {
        List<WindowsHost> nodes = params.nodes().stream().map(n -> run.dc.host(n)).flatMap(java.util.Optional::stream).toList();
        boolean failed = false;
        if (nodes.stream().anyMatch(h -> !h.featureInstalled("Failover-Clustering"))) {
            out.add("Inventory - List Software Updates: the Failover Clustering feature is missing on "
                    + names(nodes.stream().filter(h -> !h.featureInstalled("Failover-Clustering")).toList()) + ". The test failed.");
            failed = true;
        }
        if (distinct(nodes, h -> h.osBuild) > 1) {
            out.add("System Configuration - Validate Operating System Version: The test failed.");
            failed = true;
        }
        if (nodes.stream().anyMatch(h -> !h.partOfDomain()) || distinct(nodes, h -> h.domain) > 1) {
            out.add("System Configuration - Validate Active Directory Configuration: The test failed.");
            failed = true;
        }
        if (distinct(nodes, h -> h.installationType) > 1) {
            out.add("System Configuration - Validate Operating System Installation Option: The test reported some warnings..");
        }
        if (distinct(nodes, h -> h.editionId) > 1) {
            out.add("System Configuration - Validate Operating System Edition: The test reported some warnings..");
        }
        if (nodes.stream().anyMatch(WindowsHost::pendingReboot)) {
            out.add("System Configuration - Validate Software Update Levels: The test reported some warnings..");
        }
        if (params.categories().contains("Storage")) {
            boolean partial = run.dc.disks.stream().filter(d -> !d.boot)
                    .anyMatch(d -> nodes.stream().anyMatch(h -> d.visibleTo.stream().noneMatch(v -> v.equalsIgnoreCase(h.name))));
            if (partial) {
                out.add("Storage - List Disks To Be Validated: The test reported some warnings..");
            }
        }
        if (params.categories().contains("Network") && unevenSubnets(nodes)) {
            out.add("Network - Validate Network Communication: The test reported some warnings..");
        }
        return failed;
    }

    private static boolean unevenSubnets(List<WindowsHost> nodes) {
        Set<String> union = new HashSet<>();
        List<Set<String>> each = new ArrayList<>();
        for (WindowsHost h : nodes) {
            Set<String> mine = new HashSet<>();
            h.adapters.stream().filter(a -> !a.hidden && a.bound(Bindings.IPV4)).flatMap(a -> a.ipv4.stream())
                    .filter(ip -> !ip.origin.equals("WellKnown"))
                    .forEach(ip -> mine.add(SimulatedDatacenter.subnetOf(ip.address, ip.prefixLength).toString()));
            union.addAll(mine);
            each.add(mine);
        }
        return each.stream().anyMatch(s -> !s.equals(union));
    }

    private static long distinct(List<WindowsHost> nodes, java.util.function.Function<WindowsHost, Object> f) {
        return nodes.stream().map(f).map(o -> Objects.toString(o, "")).distinct().count();
    }

    private static String names(List<WindowsHost> hosts) {
        return String.join(", ", hosts.stream().map(h -> h.name).toList());
    }

}
