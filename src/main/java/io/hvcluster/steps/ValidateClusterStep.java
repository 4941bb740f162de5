package io.hvcluster.steps;

import io.hvcluster.facts.Delegated;
import io.hvcluster.facts.Delegation;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.SessionGuard;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import java.util.List;
import java.util.Set;

/**
 * Step 5: Test-Cluster over all nodes before the cluster exists (its storage tests need idle disks). Keeps
 * the report, fails on errors and on any result it cannot read, surfaces warnings. Once the cluster exists
 * the script reports that and changes nothing.
 */
public final class ValidateClusterStep implements Step<ValidateClusterStep.Params> {

    public static final String ID = "validate-cluster";

    /**
     * @param clusterName  the cluster to be (the step is skipped on a node already in it)
     * @param nodes        every node
     * @param categories   the Test-Cluster categories to run
     * @param reportName   the report file name under %SystemRoot%\Cluster\Reports (without .htm)
     * @param acceptedFlags result flags that pass
     * @param delegation   the account used for the second hop
     */
    public record Params(String clusterName, List<String> nodes, List<String> categories, String reportName,
            List<String> acceptedFlags, Delegation delegation) implements Delegated {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Validate the configuration (Test-Cluster)";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        // Test-Cluster's storage tests need the shared disks prepared (a RAW LUN has no volume to test).
        return Set.of(InstallFailoverClusteringStep.ID, PrepareSharedDisksStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        return new Params(inventory.cluster().name(), nodeNames(inventory),
                List.of("Inventory", "Network", "System Configuration", "Storage"),
                "hvcluster-validate", ClusterValidation.ACCEPTED_FLAGS, Delegation.of(inventory));
    }

    /** Validation leaves nothing to compare: its outcome is the report and its result flags. */
    @Override
    public boolean convergenceCheckable() {
        return false;
    }

    @Override
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        // Runs while the cluster does not exist yet (afterwards its storage tests would disturb it).
        if (facts.cluster().isEmpty()) {
            ClusterValidation.plan(out, p.nodes(), p.categories(), p.reportName());
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Open the validation report (path in the script's output) and read every warning before going on.",
                "Errors stop the build: fix them and run this step again.");
    }

    static List<String> nodeNames(Inventory inventory) {
        return inventory.hosts().stream().map(Host::name).toList();
    }
}
