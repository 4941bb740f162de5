package io.hvcluster.steps;

import io.hvcluster.facts.Delegated;
import io.hvcluster.facts.Delegation;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.SessionGuard;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.AddClusterNode;
import io.hvcluster.windows.NewCluster;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 6: create the cluster once, on the first node: name, static address, all nodes, no storage, and
 * every statically addressed private network ignored for the cluster's address. On a re-run it adds
 * nodes that are missing and refuses to touch a node that belongs to another cluster.
 */
public final class CreateClusterStep implements Step<CreateClusterStep.Params> {

    public static final String ID = "create-cluster";

    /**
     * @param name                      the cluster name (CNO)
     * @param staticAddress             the cluster IP
     * @param nodes                     every node
     * @param ignoreNetworks            CIDRs of the private networks New-Cluster must not place the address on
     * @param managementPointNetworkType "Singleton" on 2019+, "" where the parameter does not exist (2016)
     * @param delegation                the account used for the second hop
     * @param newClusterParameters      exactly the New-Cluster parameters for the target version, in order; the
     *                                  script splats them, so the rendered text names only parameters that
     *                                  version documents (-ManagementPointNetworkType is absent for 2016)
     * @param joinCategories            the Test-Cluster categories a node added by a re-run is validated with,
     *                                  together with the existing nodes (no Storage: the cluster is running)
     * @param acceptedFlags             Test-Cluster result flags that let the node join
     * @param joinReportName            the join validation's report name (the script adds a time stamp)
     * @param waitSeconds               longest the script waits for every node to be Up (within the step timeout)
     */
    public record Params(String name, String staticAddress, List<String> nodes, List<String> ignoreNetworks,
            String managementPointNetworkType, Delegation delegation, Map<String, Object> newClusterParameters,
            List<String> joinCategories, List<String> acceptedFlags, String joinReportName, int waitSeconds) implements Delegated {
    }

    /** Test-Cluster categories for a node that joins a running cluster. */
    static final List<String> JOIN_CATEGORIES = List.of("Inventory", "Network", "System Configuration");

    /** The join validation's report name (the script adds the time stamp). */
    static final String JOIN_REPORT = "hvcluster-add-node";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Create the cluster";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(ValidateClusterStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        List<String> ignored = inventory.networks().stream()
                .filter(n -> n.purpose().addressedByTool())
                .flatMap(n -> n.subnet().stream())
                .map(Object::toString)
                .toList();
        TargetOs os = inventory.cluster().targetOs();
        // -ManagementPointNetworkType exists from Windows Server 2019 on (catalog: parameterVersions).
        String mpnt = os.atLeast(TargetOs.WINDOWS_SERVER_2019) ? "Singleton" : "";
        List<String> nodes = ValidateClusterStep.nodeNames(inventory);
        Map<String, Object> splat = new LinkedHashMap<>();
        splat.put("Name", inventory.cluster().name());
        splat.put("Node", nodes);
        splat.put("StaticAddress", List.of(inventory.cluster().address().toString()));
        splat.put("NoStorage", true);
        if (!ignored.isEmpty()) {
            splat.put("IgnoreNetwork", ignored);
        }
        if (!mpnt.isEmpty()) {
            splat.put("ManagementPointNetworkType", mpnt);
        }
        // FailoverClusterDsc passes -Force too: it answers New-Cluster's own confirmation prompts.
        splat.put("Force", true);
        return new Params(inventory.cluster().name(), inventory.cluster().address().toString(), nodes, ignored, mpnt,
                Delegation.of(inventory), splat, JOIN_CATEGORIES, ClusterValidation.ACCEPTED_FLAGS, JOIN_REPORT, EnableHyperVStep.WAIT_SECONDS);
    }

    @Override
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        // A script sees only its own node: New-Cluster itself refuses a node of another cluster there.
        for (String n : p.nodes()) {
            facts.find(n).filter(f -> f.clusterMember() && !f.cluster().name().equalsIgnoreCase(p.name()))
                    .ifPresent(f -> out.problem(n + " already belongs to cluster '" + f.cluster().name() + "'"));
        }
        HostFacts first = facts.of(host);
        if (!first.clusterMember()) {
            out.add("cluster " + p.name(), p.staticAddress() + ", nodes " + String.join(", ", p.nodes()) + ", no storage"
                    + (p.ignoreNetworks().isEmpty() ? "" : ", ignoring " + String.join(", ", p.ignoreNetworks())))
                    .by(new NewCluster(p.name(), p.staticAddress(), p.nodes(), p.ignoreNetworks()));
            return out.build();
        }
        List<String> present = first.cluster().nodes().stream().map(HostFacts.Node::name).toList();
        List<String> missing = p.nodes().stream().filter(n -> present.stream().noneMatch(x -> x.equalsIgnoreCase(n))).toList();
        if (!missing.isEmpty()) {
            // A node joins only after validation with the existing nodes.
            List<String> all = new java.util.ArrayList<>(present);
            all.addAll(missing);
            ClusterValidation.plan(out, all, p.joinCategories(), p.joinReportName());
        }
        for (String n : missing) {
            out.add("node " + n + " of cluster " + p.name(), "").by(new AddClusterNode(p.name(), n));
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-Cluster answers with the cluster name; Get-ClusterNode lists every node as Up.",
                "The cluster's computer object exists in AD and its name resolves in DNS to the cluster address.");
    }

}
