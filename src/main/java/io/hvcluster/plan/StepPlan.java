package io.hvcluster.plan;

import java.util.List;

/**
 * What one step would do on one host (or, for a cluster step, on the cluster through its first node).
 *
 * @param stepId   the step
 * @param host     the host it runs on
 * @param changes  the concrete changes, in words an admin reads ("rename 'Ethernet 2' [00-15-5D-..] to 'Cluster'")
 * @param problems what prevents the step from converging as planned (a missing NIC, a conflicting switch)
 */
public record StepPlan(String stepId, String host, List<String> changes, List<String> problems) {

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
