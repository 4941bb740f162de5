package io.hvcluster.steps;

import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.InstallWindowsFeature;
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
    public StepPlan plan(String host, Params params, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts f = facts.of(host);
        String feature = params.feature();
        if (f.feature(feature).isEmpty()) {
            out.problem("Windows feature " + feature + " is not available on this server");
        } else if (!f.featureInstalled(feature)) {
            out.change("feature " + feature + (params.includeManagementTools() ? " (with its management tools)" : ""),
                    f.feature(feature).get().installState(), "Installed").by(new InstallWindowsFeature(feature, params.includeManagementTools()));
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-WindowsFeature -Name 'Failover-Clustering' shows Installed on every host.");
    }
}
