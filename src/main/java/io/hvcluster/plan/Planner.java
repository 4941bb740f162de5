package io.hvcluster.plan;

import io.hvcluster.facts.FactsFingerprint;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.StandardPipeline;
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
        List<StepPlan> out = new ArrayList<>();
        for (Step<?> step : pipeline(reboot).steps()) {
            List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(inventory.firstNode()) : inventory.hosts();
            for (Host h : targets) {
                out.add(step.diff(h, view));
            }
        }
        Map<String, String> fingerprints = new java.util.LinkedHashMap<>();
        facts.forEach((host, f) -> fingerprints.put(host, FactsFingerprint.of(f)));
        return new Plan(out, reboot, fingerprints);
    }

    /** The pipeline that carries out a plan made with this decision (drain only when rolling). */
    public static Pipeline pipeline(RebootDecision reboot) {
        return StandardPipeline.create(!reboot.parallel());
    }

    /** Re-checks one step on one host after it ran: empty changes means it converged. */
    public StepPlan recheck(Inventory inventory, Map<String, HostFacts> facts, Step<?> step, Host host) {
        return step.diff(host, new FactsView(inventory, facts));
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
}
