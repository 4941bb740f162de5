package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.ClusterSpec;
import io.hvcluster.inventory.ExternalWitness;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.QuorumMode;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.SetClusterQuorum;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Step 7: configure the inventory's witness: a disk (added to the cluster under the inventory's label), a file
 * share or a cloud witness. Microsoft recommends a witness on every cluster since Windows Server 2012 R2 (dynamic
 * witness: the cluster itself decides whether it votes), so it is configured whenever the inventory defines one,
 * whatever the node count. A witness the inventory does not describe (one the admin added) is never removed: it is
 * reported. Node majority (-NoWitness) only when the inventory says node-majority, and then only the inventory's
 * own witness is released.
 */
public final class ConfigureQuorumStep implements Step<ConfigureQuorumStep.Params> {

    public static final String ID = "configure-quorum";

    /** Resource types of (Get-ClusterQuorum).QuorumResource. */
    static final String DISK_TYPE = "Physical Disk";
    static final String SHARE_TYPE = "File Share Witness";
    static final String CLOUD_TYPE = "Cloud Witness";

    /**
     * @param witness      the witness disk to add and label, or null when the inventory has none
     * @param kind         the witness the inventory defines: disk, fileShare, cloud or none
     * @param useWitness   configure it (false only when the inventory says node-majority)
     * @param fileShare    the file share witness's UNC path, or ""
     * @param cloudAccount the cloud witness's storage account, or ""
     * @param cloudEndpoint the cloud witness's endpoint, or ""
     */
    public record Params(DiskRef witness, String kind, boolean useWitness, String fileShare, String cloudAccount, String cloudEndpoint) {

        /** A disk witness (used when {@code diskWitness}) or node majority. */
        public Params(DiskRef witness, boolean diskWitness) {
            this(witness, witness == null ? "none" : "disk", diskWitness, "", "", "");
        }

        /** Node and disk majority with the inventory's disk. */
        public boolean diskWitness() {
            return useWitness && "disk".equals(kind);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Configure the quorum witness";
    }

    @Override
    public Scope scope() {
        return Scope.CLUSTER;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(CreateClusterStep.ID);
    }

    @Override
    public Set<String> secrets() {
        return Set.of(ExternalWitness.Cloud.KEY_SECRET);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        ClusterSpec c = inventory.cluster();
        boolean use = c.effectiveQuorum(inventory.hosts().size()) == QuorumMode.NODE_AND_DISK_MAJORITY && c.hasWitness();
        DiskRef disk = c.witness().map(DiskRef::of).orElse(null);
        Optional<ExternalWitness> ext = c.externalWitness();
        if (ext.isPresent() && ext.get() instanceof ExternalWitness.FileShare f) {
            return new Params(disk, "fileShare", use, f.path(), "", "");
        }
        if (ext.isPresent() && ext.get() instanceof ExternalWitness.Cloud cl) {
            return new Params(disk, "cloud", use, "", cl.accountName(), cl.endpoint());
        }
        return new Params(disk, disk == null ? "none" : "disk", use, "", "", "");
    }

    @Override
    public StepPlan plan(String host, Params p, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        Optional<HostFacts.Cluster> cluster = facts.cluster();
        if (p.witness() != null) {
            ClusterDisks.plan(out, facts, host, cluster, p.witness());
            if (cluster.map(c -> c.sharedVolumes().stream().anyMatch(v -> v.name().equals(p.witness().label()))).orElse(false)) {
                out.problem("the witness disk '" + p.witness().label() + "' is a Cluster Shared Volume; a witness must be a dedicated disk");
            }
        }
        String currentResource = cluster.map(HostFacts.Cluster::quorumResource).orElse("");
        HostFacts.QuorumWitness current = cluster.map(HostFacts.Cluster::quorumWitness).orElse(HostFacts.QuorumWitness.NONE);
        String now = cluster.isEmpty() ? "" : describe(currentResource, current);
        boolean described = !currentResource.isEmpty() && describes(p, currentResource, current);
        if (p.useWitness()) {
            if (!described) {
                out.change("quorum", now, wanted(p)).by(setTo(p));
            }
        } else if (described) {
            out.change("quorum", now, "node majority").by(SetClusterQuorum.noWitness());
        }
        return out.build();
    }

    /**
     * Whether the cluster has a witness the inventory does not describe while it asks for none: it is left in place
     * (no change; the script warns). Pure.
     */
    public static boolean leavesUndescribedWitness(Params p, Optional<HostFacts.Cluster> cluster) {
        String resource = cluster.map(HostFacts.Cluster::quorumResource).orElse("");
        return !p.useWitness() && !resource.isEmpty() && !describes(p, resource, cluster.get().quorumWitness());
    }

    /** The Set-ClusterQuorum call that configures the inventory's witness. */
    private static SetClusterQuorum setTo(Params p) {
        return switch (p.kind()) {
            case "disk" -> SetClusterQuorum.disk(p.witness().label());
            case "fileShare" -> SetClusterQuorum.fileShare(p.fileShare());
            case "cloud" -> SetClusterQuorum.cloud(p.cloudAccount(), p.cloudEndpoint());
            default -> SetClusterQuorum.noWitness();
        };
    }

    /** Whether the cluster's witness is the one the inventory defines. */
    static boolean describes(Params p, String resource, HostFacts.QuorumWitness w) {
        return switch (p.kind()) {
            // -eq in the script: a resource name differing only in case is the same witness.
            case "disk" -> (w.type().isEmpty() || DISK_TYPE.equals(w.type())) && resource.equalsIgnoreCase(p.witness().label());
            case "fileShare" -> SHARE_TYPE.equals(w.type()) && w.sharePath().equalsIgnoreCase(p.fileShare());
            case "cloud" -> CLOUD_TYPE.equals(w.type()) && w.accountName().equalsIgnoreCase(p.cloudAccount());
            default -> false;
        };
    }

    static String wanted(Params p) {
        return switch (p.kind()) {
            case "disk" -> "node and disk majority, witness '" + p.witness().label() + "'";
            case "fileShare" -> "node and file share majority, witness " + p.fileShare();
            case "cloud" -> "node and cloud witness majority, storage account " + p.cloudAccount();
            default -> "node majority";
        };
    }

    static String describe(String resource, HostFacts.QuorumWitness w) {
        if (resource.isEmpty()) {
            return "node majority";
        }
        return switch (w.type()) {
            case SHARE_TYPE -> "node and file share majority, witness " + w.sharePath();
            case CLOUD_TYPE -> "node and cloud witness majority, storage account " + w.accountName();
            case DISK_TYPE, "" -> "node and disk majority, witness '" + resource + "'";
            default -> "witness '" + resource + "' (" + w.type() + ")";
        };
    }

    @Override
    public List<String> checks() {
        return List.of("Get-ClusterQuorum shows the inventory's witness (disk, file share or cloud), or none with node-majority.",
                "Get-ClusterResource shows the witness disk under the inventory's label.");
    }
}
