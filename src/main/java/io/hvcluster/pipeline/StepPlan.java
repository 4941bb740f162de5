package io.hvcluster.pipeline;

import java.util.List;

/**
 * What one step would do on one host (or, for a cluster step, on the cluster through its first node).
 *
 * @param stepId   the step
 * @param host     the host it runs on
 * @param changes  the typed changes, in the order the step's script makes them
 * @param problems what prevents the step from converging as planned (a missing NIC, a conflicting switch); each is
 *                 the one sentence the step's script would fail with
 */
public record StepPlan(String stepId, String host, List<Change> changes, List<String> problems) {

    public StepPlan {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }

    public boolean inDesiredState() {
        return changes.isEmpty() && problems.isEmpty();
    }

    public boolean blocked() {
        return !problems.isEmpty();
    }
}
