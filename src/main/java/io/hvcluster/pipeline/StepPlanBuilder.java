package io.hvcluster.pipeline;

import io.hvcluster.windows.InOrder;
import io.hvcluster.windows.WindowsOp;
import java.util.ArrayList;
import java.util.List;

/** Collects the typed changes and the problems of one step on one host, as a step's diff finds them. */
public final class StepPlanBuilder {

    private final String stepId;
    private final String host;
    private final List<Change> changes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    public StepPlanBuilder(String stepId, String host) {
        this.stepId = stepId;
        this.host = host;
    }

    public StepPlanBuilder add(String object, String after) {
        return with(Action.ADD, object, "", after);
    }

    public StepPlanBuilder change(String object, String before, String after) {
        return with(Action.CHANGE, object, before, after);
    }

    public StepPlanBuilder remove(String object, String before) {
        return with(Action.REMOVE, object, before, "");
    }

    public StepPlanBuilder run(String object, String detail) {
        return with(Action.RUN, object, "", detail);
    }

    public StepPlanBuilder restart(String object, String why) {
        return with(Action.RESTART, object, "", why);
    }

    /** A disk initialized and formatted; {@code object} names it by serial and size, {@code layout} what it gets. */
    public StepPlanBuilder format(String object, String layout) {
        return with(Action.FORMAT, object, "", layout);
    }

    private StepPlanBuilder with(Action action, String object, String before, String after) {
        changes.add(new Change(action, host, object, before, after));
        return this;
    }

    /**
     * Names the operation that makes the change added last (see {@link Change#op()}): {@code out.change(...).by(op)}.
     */
    public StepPlanBuilder by(WindowsOp op) {
        if (changes.isEmpty()) {
            throw new IllegalStateException("by(op) follows the change it makes");
        }
        Change last = changes.remove(changes.size() - 1);
        changes.add(new Change(last.action(), last.host(), last.object(), last.before(), last.after(), op));
        return this;
    }

    /**
     * As {@link #by(WindowsOp)} for a change that takes several cmdlets, run in this order ({@link InOrder}); one
     * operation is named as it is.
     */
    public StepPlanBuilder by(List<WindowsOp> ops) {
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("a change is made by at least one operation");
        }
        return by(ops.size() == 1 ? ops.get(0) : new InOrder(ops));
    }

    public StepPlanBuilder problem(String text) {
        problems.add(text);
        return this;
    }

    public StepPlan build() {
        return new StepPlan(stepId, host, changes, problems);
    }
}
