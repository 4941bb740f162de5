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
 * is the summary, in the node's UI language; the script reads the flags as the template does
 * ({@link ValidationReportModel}) and keeps the report.
 */
final class ValidateClusterEffect implements StepEffect<ValidateClusterStep.Params> {

    /** The summary flag the simulator gives a validation with failed tests (unverified against a real host). */
    static final String FAILED_FLAG = ValidationReportModel.FAILED_FLAG;
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
        ValidationReportModel model = new ValidationReportModel();
        model.unselectedTests();
        findings(run, params.nodes(), params.categories(), model);
        run.host.clusterReports.add(report);
        ValidationReportModel.readOutcome(run, model.warnings(run.host.uiCulture, report), params.acceptedFlags(), report,
                model.report("Validate the configuration", params.nodes()));
    }

    /** Records each test with findings. */
    static void findings(StepRun run, List<String> nodeNames, List<String> categories, ValidationReportModel out) {
        List<WindowsHost> nodes = nodeNames.stream().map(n -> run.dc.host(n)).flatMap(java.util.Optional::stream).toList();
        if (nodes.stream().anyMatch(h -> !h.featureInstalled("Failover-Clustering"))) {
            out.fail("Inventory - List Software Updates (the Failover Clustering feature is missing on "
                    + names(nodes.stream().filter(h -> !h.featureInstalled("Failover-Clustering")).toList()) + ")");
        }
        if (distinct(nodes, h -> h.osBuild) > 1) {
            out.fail("System Configuration - Validate Operating System Version");
        }
        if (nodes.stream().anyMatch(h -> !h.partOfDomain()) || distinct(nodes, h -> h.domain) > 1) {
            out.fail("System Configuration - Validate Active Directory Configuration");
        }
        if (distinct(nodes, h -> h.installationType) > 1) {
            out.warn("System Configuration - Validate Operating System Installation Option");
        }
        if (distinct(nodes, h -> h.editionId) > 1) {
            out.warn("System Configuration - Validate Operating System Edition");
        }
        if (nodes.stream().anyMatch(WindowsHost::pendingReboot)) {
            out.warn("System Configuration - Validate Software Update Levels");
        }
        if (categories.contains("Storage")) {
            boolean partial = run.dc.disks.stream().filter(d -> !d.boot)
                    .anyMatch(d -> nodes.stream().anyMatch(h -> d.visibleTo.stream().noneMatch(v -> v.equalsIgnoreCase(h.name))));
            if (partial) {
                out.warn("Storage - List Disks To Be Validated");
            }
        }
        if (categories.contains("Network") && unevenSubnets(nodes)) {
            out.warn("Network - Validate Network Communication");
        }
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
