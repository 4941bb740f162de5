package io.hvcluster.plan;

import io.hvcluster.pipeline.StepPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole plan: every step on every host it runs on, in pipeline order, the reboot policy chosen, and the
 * fingerprint of each host's facts it was made from ({@link io.hvcluster.facts.FactsFingerprint}). Once confirmed
 * it is the contract apply keeps: a host whose facts moved away from it stops instead of doing something else.
 *
 * @param factsFingerprints host name to fingerprint; empty for a plan made without facts (tests, dry runs)
 */
public record Plan(List<StepPlan> steps, RebootDecision reboot, Map<String, String> factsFingerprints) {

    public Plan {
        steps = List.copyOf(steps);
        factsFingerprints = factsFingerprints == null ? Map.of() : Map.copyOf(factsFingerprints);
    }

    public Plan(List<StepPlan> steps, RebootDecision reboot) {
        this(steps, reboot, Map.of());
    }

    public long toChange() {
        return steps.stream().filter(s -> !s.inDesiredState()).count();
    }

    public long inDesiredState() {
        return steps.stream().filter(StepPlan::inDesiredState).count();
    }

    public boolean hasProblems() {
        return steps.stream().anyMatch(StepPlan::blocked);
    }

    /** What this plan says for one step on one host (the first node for cluster steps). */
    public Optional<StepPlan> step(String stepId, String host) {
        return steps.stream().filter(s -> s.stepId().equals(stepId) && s.host().equals(host)).findFirst();
    }

    /** "3 to change, 41 in desired state". */
    public String summary() {
        return toChange() + " to change, " + inDesiredState() + " in desired state";
    }
}
