package io.hvcluster.plan;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.steps.AddSharedVolumesStep;
import io.hvcluster.steps.ConfigureAddressesStep;
import io.hvcluster.steps.ConfigureClusterNetworksStep;
import io.hvcluster.steps.ConfigureQuorumStep;
import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.steps.CreateVirtualSwitchesStep;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.InstallFailoverClusteringStep;
import io.hvcluster.steps.RenameAdaptersStep;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.steps.UnbindProtocolsStep;
import io.hvcluster.steps.ValidateClusterStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes the plan from the inventory and the facts, without any I/O: for every step and every host it
 * runs on, the concrete changes or "in desired state", and the reboot policy with its reason.
 */
public final class Planner {

    public Plan plan(Inventory inventory, Map<String, HostFacts> facts, RebootStrategy requested) {
        FactsView view = new FactsView(inventory, facts);
        RebootDecision reboot = decideReboot(view, requested);
        Pipeline pipeline = pipeline(reboot);
        Map<String, StepDiff> diffs = diffs(!reboot.parallel());
        List<StepPlan> out = new ArrayList<>();
        for (Step<?> step : pipeline.steps()) {
            StepDiff diff = diffs.get(step.id());
            List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(inventory.firstNode()) : inventory.hosts();
            for (Host h : targets) {
                out.add(diff.diff(h, view));
            }
        }
        return new Plan(out, reboot);
    }

    /** The pipeline that carries out a plan made with this decision (drain only when rolling). */
    public static Pipeline pipeline(RebootDecision reboot) {
        return StandardPipeline.create(!reboot.parallel());
    }

    /** Re-checks one step on one host after it ran: empty changes means it converged. */
    public StepPlan recheck(Inventory inventory, Map<String, HostFacts> facts, String stepId, Host host, RebootDecision reboot) {
        return diffs(!reboot.parallel()).get(stepId).diff(host, new FactsView(inventory, facts));
    }

    static RebootDecision decideReboot(FactsView facts, RebootStrategy requested) {
        List<String> roles = facts.cluster().map(c -> c.roles().stream().map(HostFacts.Group::name).toList()).orElse(List.of());
        return switch (requested) {
            case ROLLING -> new RebootDecision(requested, RebootStrategy.ROLLING, "rolling, as requested: one host at a time, drained first");
            case PARALLEL -> roles.isEmpty()
                    ? new RebootDecision(requested, RebootStrategy.PARALLEL, "parallel, as requested: every node restarts at once")
                    : new RebootDecision(requested, RebootStrategy.ROLLING, "rolling although parallel was requested: the cluster runs "
                            + roles.size() + " role(s) (" + String.join(", ", roles.subList(0, Math.min(3, roles.size())))
                            + "), and restarting every node at once would stop them");
            case AUTO -> roles.isEmpty()
                    ? new RebootDecision(requested, RebootStrategy.PARALLEL,
                            "parallel (auto): no clustered roles run yet, so every node restarts at once and the build saves one restart cycle per node")
                    : new RebootDecision(requested, RebootStrategy.ROLLING,
                            "rolling (auto): the cluster runs " + roles.size() + " role(s), so each node is drained and restarted in turn");
        };
    }

    private static Map<String, StepDiff> diffs(boolean drain) {
        return Map.ofEntries(
                Map.entry(RenameAdaptersStep.ID, new RenameAdaptersDiff()),
                Map.entry(ConfigureAddressesStep.ID, new ConfigureAddressesDiff()),
                Map.entry(UnbindProtocolsStep.ID, new UnbindProtocolsDiff()),
                Map.entry(InstallFailoverClusteringStep.ID, new InstallFailoverClusteringDiff()),
                Map.entry(ValidateClusterStep.ID, new ValidateClusterDiff()),
                Map.entry(CreateClusterStep.ID, new CreateClusterDiff()),
                Map.entry(ConfigureQuorumStep.ID, new ConfigureQuorumDiff()),
                Map.entry(EnableHyperVStep.ID, new EnableHyperVDiff(drain)),
                Map.entry(AddSharedVolumesStep.ID, new AddSharedVolumesDiff()),
                Map.entry(CreateVirtualSwitchesStep.ID, new CreateVirtualSwitchesDiff()),
                Map.entry(ConfigureClusterNetworksStep.ID, new ConfigureClusterNetworksDiff()));
    }
}
