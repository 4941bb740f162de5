package io.hvcluster.run;

import io.hvcluster.facts.FactsFingerprint;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The confirmed plan as the contract of a run (Terraform's "saved plan is stale"). Before each step the runner
 * reads the host's facts again and diffs the step afresh. When that differs from what the plan said, it is either
 * the work of earlier steps of this run (the host's facts are still what the runner last saw, so the fresh diff is
 * what the plan implies now) or someone changed the host since the plan was made: then the host stops with what
 * differs, and nothing else runs there.
 *
 * <p>The baseline of a host is the fingerprint its plan was made from; it moves to the latest facts after a step
 * changed that host, and is forgotten (the next reading is taken as it is) after a cluster step, which changes what
 * every node reports.
 */
final class PlanContract {

    static final String STALE = "the host changed since the plan was made: ";

    private final Plan plan;
    private final Map<String, String> baselines = new ConcurrentHashMap<>();

    PlanContract(Plan plan) {
        this.plan = plan;
        baselines.putAll(plan.factsFingerprints());
    }

    /** @return what changed, when the host no longer is what the plan expected; empty when the fresh diff may run */
    Optional<String> stale(Step<?> step, Host host, StepPlan fresh, HostFacts facts) {
        Optional<StepPlan> planned = plan.step(step.id(), host.name());
        if (planned.isEmpty() || sameDecision(planned.get(), fresh)) {
            return Optional.empty();
        }
        String baseline = baselines.get(host.name());
        if (baseline == null || baseline.equals(FactsFingerprint.of(facts))) {
            return Optional.empty();
        }
        return Optional.of(STALE + describe(planned.get(), fresh));
    }

    /** The step changed {@code host}: its latest facts are what later steps' decisions start from. */
    void changedBy(Step<?> step, Host host, HostFacts latest) {
        if (step.scope() == io.hvcluster.pipeline.Scope.CLUSTER) {
            baselines.clear();
        } else if (latest != null) {
            baselines.put(host.name(), FactsFingerprint.of(latest));
        }
    }

    private static boolean sameDecision(StepPlan a, StepPlan b) {
        return a.changes().equals(b.changes()) && a.problems().equals(b.problems());
    }

    private static String describe(StepPlan planned, StepPlan now) {
        List<String> was = lines(planned);
        List<String> is = lines(now);
        List<String> gone = new ArrayList<>(was);
        gone.removeAll(is);
        List<String> added = new ArrayList<>(is);
        added.removeAll(was);
        return planned.stepId() + " planned " + (gone.isEmpty() ? "nothing more" : String.join("; ", gone))
                + ", now " + (added.isEmpty() ? "nothing to change" : String.join("; ", added))
                + " (run hvcluster plan again)";
    }

    private static List<String> lines(StepPlan p) {
        List<String> out = new ArrayList<>(p.changes().stream().map(ChangeText::line).toList());
        p.problems().forEach(x -> out.add("! " + x));
        return out;
    }
}
