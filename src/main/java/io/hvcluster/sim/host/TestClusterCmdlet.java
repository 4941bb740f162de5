package io.hvcluster.sim.host;

import io.hvcluster.windows.TestCluster;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The simulator's one Test-Cluster, for validate-cluster, create-cluster's join validation and final-validation: it
 * compares what matters between the nodes, each test with findings writes a warning, the last warning is the summary
 * in the node's UI language ({@link ValidationReportModel}), and the report is written under
 * %SystemRoot%\Cluster\Reports. It changes no setting. What it left is on {@link StepRun#validation} for the script to
 * read as its template does; the second hop to the other nodes is the script's (the effects reach them first).
 */
final class TestClusterCmdlet {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * @param report   the report's path
     * @param warnings the warnings Test-Cluster wrote, the summary last
     * @param content  the report file's bytes
     */
    record Outcome(String report, List<String> warnings, byte[] content) {
    }

    private TestClusterCmdlet() {
    }

    /** Test-Cluster; -Disk names cluster resources, so each must exist (Get-ClusterResource -Name). */
    static void apply(StepRun run, TestCluster op) throws StepFailure {
        if (!op.disks().isEmpty()) {
            SimulatedCluster c = run.requireCluster();
            for (String disk : op.disks()) {
                if (c.diskResource(disk).isEmpty()) {
                    // The template looks each one up first and says which step adds it.
                    throw new StepFailure("disk '" + disk + "' is not a cluster resource (add-shared-volumes and configure-quorum run first)");
                }
            }
        }
        run.spend(run.latencies().testCluster());
        ValidationReportModel model = new ValidationReportModel();
        // The scripts always name the categories (-Include): Test-Cluster then reports HadUnselectedTests.
        model.unselectedTests();
        List<WindowsHost> nodes = op.nodes().stream().map(run.dc::host).flatMap(Optional::stream).toList();
        findings(run, nodes, op.categories(), model);
        if (op.categories().contains("Hyper-V Configuration")) {
            hyperVFindings(nodes, model);
        }
        String report = "C:\\Windows\\Cluster\\Reports\\" + op.reportName() + "-" + STAMP.format(run.now) + ".htm";
        run.host.clusterReports.add(report);
        run.validation = new Outcome(report, model.warnings(run.host.uiCulture, report), model.report("Validate a Configuration", op.nodes()));
    }

    /** Records each test with findings. */
    private static void findings(StepRun run, List<WindowsHost> nodes, List<String> categories, ValidationReportModel out) {
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

    /** Hyper-V Configuration: the role on every node (its hypervisor running) and the same virtual switches everywhere. */
    private static void hyperVFindings(List<WindowsHost> nodes, ValidationReportModel out) {
        if (nodes.stream().anyMatch(h -> !h.featureInstalled("Hyper-V") || !h.hypervisorRunning)) {
            out.fail("Hyper-V Configuration - Validate Hyper-V Role Installed");
        }
        long switchSets = nodes.stream().map(h -> h.switches.stream().map(s -> s.name.toLowerCase(Locale.ROOT)).sorted().toList())
                .distinct().count();
        if (switchSets > 1) {
            out.warn("Hyper-V Configuration - Validate Hyper-V Network Resource Pool And Virtual Switch Configuration");
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

    private static long distinct(List<WindowsHost> nodes, Function<WindowsHost, Object> f) {
        return nodes.stream().map(f).map(o -> Objects.toString(o, "")).distinct().count();
    }

    private static String names(List<WindowsHost> hosts) {
        return String.join(", ", hosts.stream().map(h -> h.name).toList());
    }
}
