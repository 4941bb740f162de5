package io.hvcluster.steps;

import io.hvcluster.facts.Delegated;
import io.hvcluster.facts.Delegation;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last step: Test-Cluster on the finished cluster with every category (Hyper-V Configuration included),
 * the storage tests limited to the inventory's disks. Microsoft supports a cluster only if the complete
 * configuration passes validation, so only an approved result passes (conditionally approved: with its warnings
 * listed). On a cluster that already runs roles the storage tests would take their disks offline: it runs with
 * {@code -Ignore Storage} and says so.
 *
 * <p>Converged when the node's mark (HKLM:\SOFTWARE\hvcluster\Validation, written by the script) records an
 * approved validation of the same configuration fingerprint: a re-run plans nothing; a changed inventory (nodes,
 * disks, networks, switches) validates again (docs/windows-behaviour.md, "The final validation").
 */
public final class FinalValidationStep implements Step<FinalValidationStep.Params> {

    public static final String ID = "final-validation";

    /**
     * Every validation category (Test-Cluster -List, Microsoft's documented names). Storage Spaces Direct is left
     * out: this build has shared disks, not S2D. Naming them (-Include) makes Test-Cluster add HadUnselectedTests.
     */
    static final List<String> CATEGORIES = List.of("Inventory", "Network", "System Configuration", "Storage",
            "Hyper-V Configuration", "Cluster Configuration");

    /**
     * @param clusterName   the cluster (the script refuses to run on a node of another one)
     * @param nodes         every node
     * @param categories    every category; the script drops Storage when roles run or the inventory has no disks
     * @param disks         the inventory's shared disks (witness and CSVs) by cluster resource name: the only disks
     *                      the storage tests touch (Test-Cluster -Disk)
     * @param fingerprint   what the validated configuration is; the mark records it
     * @param reportName    the report file name under %SystemRoot%\Cluster\Reports (without .htm)
     * @param acceptedFlags result flags that may appear in a passing result
     * @param approvals     one of these must appear
     * @param delegation    the account used for the second hop
     */
    public record Params(String clusterName, List<String> nodes, List<String> categories, List<String> disks, String fingerprint,
            String reportName, List<String> acceptedFlags, List<String> approvals, Delegation delegation) implements Delegated {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Validate the finished cluster (Test-Cluster, every category)";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(ConfigureClusterNetworksStep.ID, CreateVirtualSwitchesStep.ID, AddSharedVolumesStep.ID, HostSettingsStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        List<String> disks = new ArrayList<>();
        inventory.cluster().witness().ifPresent(d -> disks.add(d.label()));
        inventory.cluster().sharedVolumes().forEach(d -> disks.add(d.label()));
        return new Params(inventory.cluster().name(), ValidateClusterStep.nodeNames(inventory), CATEGORIES, disks,
                fingerprint(inventory), "hvcluster-final-validation", ClusterValidation.ACCEPTED_FLAGS,
                ClusterValidation.APPROVALS, Delegation.of(inventory));
    }

    @Override
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        if (cluster.isPresent() && !cluster.get().name().equalsIgnoreCase(p.clusterName())) {
            out.problem("this node is in cluster " + cluster.get().name() + ", not " + p.clusterName());
            return out.build();
        }
        HostFacts.ValidationMark mark = facts.of(host).validationMark();
        if (mark != null && mark.approved() && mark.fingerprint().equals(p.fingerprint())) {
            return out.build();
        }
        Coverage coverage = coverage(p, cluster);
        String shown = coverage.leftOut().isEmpty() ? "every category; storage tests on " + String.join(", ", p.disks())
                : "every category but Storage: " + coverage.leftOut();
        String why = mark == null ? "" : mark.approved() ? " (the configuration changed since the last approved validation)"
                : " (the last validation was not approved: " + mark.result() + ")";
        ClusterValidation.plan(out, p.nodes(), coverage.categories(), coverage.leftOut().isEmpty() ? p.disks() : List.of(),
                p.reportName(), shown, why);
        return out.build();
    }

    /**
     * What the validation covers: every category, or all but Storage, with why.
     *
     * @param categories the categories Test-Cluster runs
     * @param leftOut    "" when the storage tests run, else why they do not (as the plan shows it)
     * @param warning    "" or the warning the script writes when it leaves them out
     */
    public record Coverage(List<String> categories, String leftOut, String warning) {
    }

    /**
     * The storage tests take the disks they test offline. With roles running (VMs) that is an outage, so they are left
     * out; without inventory disks, -Disk could not keep them off other disks. Pure.
     */
    public static Coverage coverage(Params p, Optional<HostFacts.Cluster> cluster) {
        List<HostFacts.Group> roles = cluster.map(HostFacts.Cluster::roles).orElse(List.of());
        List<String> withoutStorage = p.categories().stream().filter(c -> !c.equals("Storage")).toList();
        if (!roles.isEmpty()) {
            return new Coverage(withoutStorage, "the cluster runs " + roles.size() + " role(s), whose disks the storage tests would take offline",
                    "the cluster runs " + roles.size() + " role(s) (" + String.join(", ", roles.stream().map(HostFacts.Group::name).toList())
                            + "): validated without the storage tests, which would take their disks offline; run Test-Cluster -Include Storage"
                            + " in a maintenance window");
        }
        if (p.disks().isEmpty()) {
            return new Coverage(withoutStorage, "the inventory names no shared disk",
                    "the inventory names no shared disk: validated without the storage tests");
        }
        return new Coverage(p.categories(), "", "");
    }

    @Override
    public List<String> checks() {
        return List.of("Open the final validation report and read every warning: Microsoft supports the cluster only if the complete "
                        + "configuration passes validation.",
                "HKLM:\\SOFTWARE\\hvcluster\\Validation on the first node records the last result (Approved = 1, Report, Result).");
    }

    /**
     * What the validation validated: the inventory's cluster, networks and hosts (never the connection or its
     * credentials), hashed. A new version of this scheme changes the prefix.
     */
    public static String fingerprint(Inventory inventory) {
        String text = "final-validation/1\n" + inventory.cluster() + "\n" + inventory.networks() + "\n" + inventory.hosts();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
