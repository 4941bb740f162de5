package io.hvcluster.plan;

import java.util.ArrayList;
import java.util.List;

/** Collects the changes and problems of one step on one host. */
final class PlanLines {

    private final String stepId;
    private final String host;
    private final List<String> changes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    PlanLines(String stepId, String host) {
        this.stepId = stepId;
        this.host = host;
    }

    PlanLines change(String text) {
        changes.add(text);
        return this;
    }

    PlanLines problem(String text) {
        problems.add(text);
        return this;
    }

    StepPlan toPlan() {
        return new StepPlan(stepId, host, changes, problems);
    }
}
