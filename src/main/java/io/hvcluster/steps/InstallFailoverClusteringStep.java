package io.hvcluster.steps;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.List;
import java.util.Set;

/** Step 4: the Failover-Clustering feature with its management tools, on every host. No restart needed. */
public final class InstallFailoverClusteringStep implements Step<InstallFailoverClusteringStep.Params> {

    public static final String ID = "install-failover-clustering";

    public record Params(String feature, boolean includeManagementTools) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Install the Failover Clustering feature";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(ConfigureAddressesStep.ID, UnbindProtocolsStep.ID);
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        return new Params("Failover-Clustering", true);
    }

    @Override
    public List<String> checks() {
        return List.of("Get-WindowsFeature -Name 'Failover-Clustering' shows Installed on every host.");
    }
}
