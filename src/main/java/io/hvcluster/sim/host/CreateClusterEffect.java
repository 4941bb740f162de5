package io.hvcluster.sim.host;

import io.hvcluster.inventory.Ipv4;
import io.hvcluster.steps.CreateClusterStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** templates/create-cluster/apply.ps1.vm around models of New-Cluster and Add-ClusterNode. */
final class CreateClusterEffect implements StepEffect<CreateClusterStep.Params> {

    /** New-Cluster -NoStorage: no disk to make a witness of. */
    static final String NO_WITNESS_WARNING = "An appropriate disk was not found for configuring a disk witness. The cluster is not configured"
            + " with a witness. As a best practice, configure a witness to help achieve the highest availability of the cluster."
            + " If this cluster does not have shared storage, configure a File Share Witness or a Cloud Witness.";
    static final String ISSUES_WARNING = "There were issues while creating the clustered role that may prevent it from starting."
            + " For more information view the report file below.";
    /** The summary flag of a validation with failed tests (as the validate-cluster model gives it). */
    private static final String NOT_APPROVED = "ClusterNotApproved";
    private static final java.time.format.DateTimeFormatter REPORT_STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd 'At' HH.mm.ss").withZone(java.time.ZoneOffset.UTC);
    private static final java.time.format.DateTimeFormatter JOIN_STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC);

    @Override
    public Class<CreateClusterStep.Params> paramsType() {
        return CreateClusterStep.Params.class;
    }

    @Override
    public void apply(StepRun run, CreateClusterStep.Params params) throws StepFailure {
        Optional<SimulatedCluster> member = run.cluster();
        if (run.host.clusterServiceStatus(member.isPresent()).isEmpty()) {
            throw new StepFailure("the Failover Clustering feature is not installed on this node (install-failover-clustering runs first)");
        }
        if (member.isPresent()) {
            SimulatedCluster c = member.get();
            if (!c.name.equalsIgnoreCase(params.name())) {
                throw new StepFailure("this node already belongs to cluster '" + c.name + "', not '" + params.name() + "'");
            }
            List<String> present = c.nodes.stream().map(n -> n.name).toList();
            List<String> missing = params.nodes().stream().filter(n -> c.node(n).isEmpty()).toList();
            if (!missing.isEmpty()) {
                SecondHop hop = SecondHop.forCmdlets(run, params.delegation());
                List<String> all = new ArrayList<>(present);
                all.addAll(missing);
                validateJoin(run, hop, params, all, missing);
                for (String n : missing) {
                    addNode(run, hop, c, n);
                }
                waitUntilUp(run, c, missing, params);
                run.change("added " + String.join(", ", missing) + " to cluster " + params.name());
            }
            return;
        }
        SecondHop hop = SecondHop.forCmdlets(run, params.delegation());
        newCluster(run, hop, params);
        SimulatedCluster c = run.cluster().orElseThrow();
        // New-Cluster -NoStorage finds no disk for a witness and says so; the report is named in a warning.
        String report = "C:\\Windows\\cluster\\Reports\\Create Cluster Wizard " + c.name + " on " + REPORT_STAMP.format(run.now) + ".htm";
        List<String> warnings = List.of(NO_WITNESS_WARNING, ISSUES_WARNING, "Report file location: " + report);
        for (String w : warnings.subList(0, 2)) {
            run.warning("New-Cluster: " + w);
        }
        run.data.put("reportPath", report);
        // The script sends the report back for the run folder (Add-HvcReportContent).
        String html = "<html><head><title>Create Cluster Wizard</title></head><body>\r\n<h1>Create Cluster " + c.name
                + "</h1>\r\n<p>Nodes: " + String.join(", ", params.nodes()) + "</p>\r\n<ul>\r\n<li>" + NO_WITNESS_WARNING
                + "</li>\r\n</ul>\r\n</body></html>\r\n";
        run.data.put("reportContent", java.util.Base64.getEncoder().encodeToString(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        run.data.put("newClusterWarnings", warnings);
        waitUntilUp(run, c, params.nodes(), params);
        run.change("created cluster " + params.name() + " (" + params.staticAddress() + ") with " + String.join(", ", params.nodes()));
        List<Map<String, String>> nodes = new ArrayList<>();
        for (SimulatedCluster.Node n : c.nodes) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", n.name);
            m.put("state", run.dc.nodeState(n, run.nowMillis()));
            nodes.add(m);
        }
        run.data.put("nodes", nodes);
    }

    /** Wait-HvcNodesUp: every named node Up (they pass through Joining), at most waitSeconds. */
    private static void waitUntilUp(StepRun run, SimulatedCluster c, List<String> names, CreateClusterStep.Params params) throws StepFailure {
        long readyAt = c.nodes.stream().filter(n -> names.stream().anyMatch(x -> x.equalsIgnoreCase(n.name)))
                .map(n -> n.joiningUntilMillis).filter(java.util.Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
        run.waitUntil(readyAt, params.waitSeconds());
        List<String> notUp = c.nodes.stream().filter(n -> names.stream().anyMatch(x -> x.equalsIgnoreCase(n.name)))
                .filter(n -> !run.dc.nodeState(n, run.nowMillis()).equals("Up"))
                .map(n -> n.name + " is " + run.dc.nodeState(n, run.nowMillis())).toList();
        if (!notUp.isEmpty()) {
            throw new StepFailure("cluster " + params.name() + ": " + String.join(", ", notUp) + " after " + params.waitSeconds()
                    + " s; run again once every node is Up");
        }
    }

    /**
     * Test-Cluster on the existing nodes with the new ones (no storage tests) before Add-ClusterNode: a model of
     * the checks that fail or warn between nodes, reported as the template parses them.
     */
    private static void validateJoin(StepRun run, SecondHop hop, CreateClusterStep.Params params, List<String> all, List<String> missing)
            throws StepFailure {
        for (String n : all) {
            if (!n.equalsIgnoreCase(run.host.name)) {
                hop.reach(n);
            }
        }
        run.spend(run.latencies().testCluster());
        String report = "C:\\Windows\\Cluster\\Reports\\hvcluster-add-node-" + JOIN_STAMP.format(run.now) + ".htm";
        run.data.put("joinReportPath", report);
        List<WindowsHost> nodes = all.stream().map(run.dc::host).flatMap(Optional::stream).toList();
        List<String> findings = new ArrayList<>();
        boolean failed = false;
        if (nodes.stream().anyMatch(h -> !h.featureInstalled("Failover-Clustering"))) {
            findings.add("Inventory - List Software Updates: the Failover Clustering feature is missing. The test failed.");
            failed = true;
        }
        if (nodes.stream().map(h -> h.osBuild).distinct().count() > 1) {
            findings.add("System Configuration - Validate Operating System Version: The test failed.");
            failed = true;
        }
        if (nodes.stream().map(h -> String.valueOf(h.domain)).distinct().count() > 1) {
            findings.add("System Configuration - Validate Active Directory Configuration: The test failed.");
            failed = true;
        }
        if (nodes.stream().map(h -> h.editionId).distinct().count() > 1) {
            findings.add("System Configuration - Validate Operating System Edition: The test reported some warnings..");
        }
        for (String f : findings) {
            run.warning("Test-Cluster: " + f);
        }
        if (failed) {
            throw new StepFailure("validation of " + String.join(", ", all) + " did not pass (" + NOT_APPROVED + "); "
                    + String.join(", ", missing) + " not added; read the report: " + report);
        }
    }

    private static void newCluster(StepRun run, SecondHop hop, CreateClusterStep.Params params) throws StepFailure {
        for (String n : params.nodes()) {
            if (!n.equalsIgnoreCase(run.host.name)) {
                hop.reach(n);
            }
        }
        hop.reach(run.dc.directory.domain);
        for (String n : params.nodes()) {
            checkJoinable(run, n);
        }
        if (run.dc.directory.hasComputer(params.name()) || run.dc.cluster(params.name()).isPresent()) {
            throw new StepFailure("There was an error creating the cluster: the computer object '" + params.name()
                    + "' already exists in the domain " + run.dc.directory.domain + "; choose another name or delete the stale object");
        }
        boolean prestaged = run.dc.directory.isPrestaged(params.name());
        if (!prestaged && !run.dc.directory.createComputerAllowed) {
            throw new StepFailure("There was an error creating the cluster: you do not have permissions to create the computer object '"
                    + params.name() + "' in " + run.dc.directory.computersContainer() + "; ask a domain admin to grant 'Create Computer objects' "
                    + "there or to prestage the object");
        }
        checkStaticAddress(run, params);
        run.spend(run.latencies().newCluster());
        SimulatedCluster c = new SimulatedCluster();
        c.name = params.name().toUpperCase(Locale.ROOT);
        c.address = params.staticAddress();
        for (String n : params.nodes()) {
            SimulatedCluster.Node node = new SimulatedCluster.Node(run.dc.requireHost(n).name);
            node.joiningUntilMillis = run.nowMillis() + run.latencies().newCluster().toMillis();
            c.nodes.add(node);
        }
        c.virtualMachineResourceType = c.nodes.stream().anyMatch(n -> run.dc.requireHost(n.name).featureInstalled("Hyper-V"));
        run.dc.clusters.add(c);
        run.dc.directory.prestaged.remove(c.name);
        run.dc.directory.computerObjects.add(c.name);
        run.dc.dns.put(c.name.toLowerCase(Locale.ROOT), c.address);
        run.dc.dns.put((c.name + "." + run.dc.directory.domain).toLowerCase(Locale.ROOT), c.address);
        run.dc.refreshNetworks(c);
    }

    private static void addNode(StepRun run, SecondHop hop, SimulatedCluster c, String node) throws StepFailure {
        hop.reach(node);
        checkJoinable(run, node);
        run.spend(run.latencies().newCluster());
        SimulatedCluster.Node added = new SimulatedCluster.Node(run.dc.requireHost(node).name);
        added.joiningUntilMillis = run.nowMillis() + run.latencies().newCluster().toMillis();
        c.nodes.add(added);
        if (run.dc.requireHost(node).featureInstalled("Hyper-V")) {
            c.virtualMachineResourceType = true;
        }
        run.dc.refreshNetworks(c);
    }

    private static void checkJoinable(StepRun run, String node) throws StepFailure {
        WindowsHost h = run.dc.host(node).orElseThrow(() -> new StepFailure(
                "The computer '" + node + "' could not be reached: no such host is known. (Exception from HRESULT: 0x80070035)"));
        if (!h.featureInstalled("Failover-Clustering")) {
            throw new StepFailure("The Failover Clustering feature is not installed on node '" + h.name + "'.");
        }
        if (!h.partOfDomain() || !h.domain.equalsIgnoreCase(run.dc.directory.domain)) {
            throw new StepFailure("The computer '" + h.name + "' is not joined to the domain " + run.dc.directory.domain + ".");
        }
        Optional<SimulatedCluster> other = run.dc.clusterOf(h.name);
        if (other.isPresent()) {
            throw new StepFailure("The computer '" + h.name + "' is joined to a cluster ('" + other.get().name + "').");
        }
    }

    /** The static address must lie on a network every node shares and that is not ignored, and be free. */
    private static void checkStaticAddress(StepRun run, CreateClusterStep.Params params) throws StepFailure {
        Ipv4 address = Ipv4.parse(params.staticAddress())
                .orElseThrow(() -> new StepFailure("'" + params.staticAddress() + "' is not a valid IPv4 address."));
        for (WindowsHost h : run.dc.hosts.values()) {
            for (NetAdapter a : h.adapters) {
                if (a.ipv4.stream().anyMatch(ip -> ip.address.equals(params.staticAddress()))) {
                    throw new StepFailure("The static address '" + params.staticAddress() + "' is already in use on the network (" + h.name + ").");
                }
            }
        }
        boolean onShared = false;
        for (String node : params.nodes()) {
            WindowsHost h = run.dc.requireHost(node);
            boolean here = h.adapters.stream().filter(a -> !a.hidden && a.bound(Bindings.IPV4)).flatMap(a -> a.ipv4.stream())
                    .filter(ip -> !ip.origin.equals("WellKnown"))
                    .map(ip -> SimulatedDatacenter.subnetOf(ip.address, ip.prefixLength))
                    .anyMatch(s -> s.contains(address) && !params.ignoreNetworks().contains(s.toString()));
            onShared = here;
            if (!here) {
                break;
            }
        }
        if (!onShared) {
            throw new StepFailure("Static address '" + params.staticAddress() + "' was not found on any cluster network.");
        }
    }

}
