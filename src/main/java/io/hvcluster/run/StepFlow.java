package io.hvcluster.run;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which step may run on which host next. Each host works through its own steps in pipeline order, one at a
 * time (a cluster step belongs to the first node's sequence), and a step starts as soon as its dependencies
 * allow: a per-host step waits for the cluster steps it depends on, a cluster step for its per-host
 * dependencies on every host, and a rolling step for the same step on the host before it. So a slow host
 * holds only what needs it. A failed host stops its own later steps, the cluster steps (they need every node)
 * and any further rolling restart; without continue-on-error nothing new starts after a failure.
 * Thread-safe; the runner asks it after every finished step.
 */
final class StepFlow {

    /** One step on one host. */
    record Unit(Step<?> step, int position, Host host) {
        String key() {
            return step.id() + "@" + host.name();
        }
    }

    /** A unit to start now, or to record as skipped with {@code why}. */
    record Decision(Unit unit, String skipWhy) {
        boolean skip() {
            return skipWhy != null;
        }
    }

    private enum State { WAITING, RUNNING, DONE }

    private final List<Unit> units = new ArrayList<>();
    private final List<State> states = new ArrayList<>();
    private final boolean rolling;
    private final boolean continueOnError;
    private final Set<String> failedHosts = new LinkedHashSet<>();
    private boolean stopped;
    private String stopReason = "the run stopped after an earlier failure";

    StepFlow(Pipeline pipeline, Inventory inventory, boolean rolling, boolean continueOnError) {
        this.rolling = rolling;
        this.continueOnError = continueOnError;
        for (Step<?> step : pipeline.steps()) {
            List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(inventory.firstNode()) : inventory.hosts();
            for (Host h : targets) {
                units.add(new Unit(step, pipeline.position(step.id()), h));
                states.add(State.WAITING);
            }
        }
    }

    /**
     * The units that can start now (marked running) and those that will never run (marked done), in
     * pipeline order. Empty when everything left waits for a unit that is still running.
     */
    synchronized List<Decision> next() {
        List<Decision> out = new ArrayList<>();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = 0; i < units.size(); i++) {
                if (states.get(i) != State.WAITING) {
                    continue;
                }
                Decision d = decide(i);
                if (d != null) {
                    states.set(i, d.skip() ? State.DONE : State.RUNNING);
                    out.add(d);
                    // A skip can free what waited for it: look again from the start.
                    moved |= d.skip();
                }
            }
        }
        return out;
    }

    /** Records how a unit that ran ended. */
    synchronized void finished(Unit unit, StepStatus status) {
        states.set(units.indexOf(unit), State.DONE);
        if (status == StepStatus.FAILED || status == StepStatus.NOT_CONVERGED) {
            failedHosts.add(unit.host().name());
            if (!continueOnError) {
                stopped = true;
            }
        }
    }

    /** The run was interrupted (Ctrl-C): nothing new starts; every unit still waiting is skipped with that reason. */
    synchronized void interrupt() {
        stopped = true;
        stopReason = "the run was interrupted (Ctrl-C)";
    }

    /** Whether any unit still waits or runs. */
    synchronized boolean pending() {
        return states.stream().anyMatch(s -> s != State.DONE);
    }

    private Decision decide(int i) {
        Unit u = units.get(i);
        Step<?> step = u.step();
        if (!previousOnHostDone(i)) {
            return null;
        }
        if (stopped) {
            return new Decision(u, stopReason);
        }
        if (failedHosts.contains(u.host().name())) {
            return new Decision(u, u.host().name() + " failed an earlier step");
        }
        for (String dep : step.dependsOn()) {
            if (!dependencyDone(dep, u)) {
                return null;
            }
        }
        if (step.scope() == Scope.CLUSTER && !failedHosts.isEmpty()) {
            return new Decision(u, "it needs every node, and " + String.join(", ", failedHosts) + " failed");
        }
        if (rolling && step.scope() == Scope.ONE_HOST_AT_A_TIME) {
            if (!previousHostDone(i)) {
                return null;
            }
            if (!failedHosts.isEmpty()) {
                // Never take another node down after one failed to come back healthy.
                return new Decision(u, "a node before it failed; restarting another could cost quorum");
            }
        }
        return new Decision(u, null);
    }

    /** The host's own earlier unit (a cluster step counts on the first node) has ended. */
    private boolean previousOnHostDone(int i) {
        String host = units.get(i).host().name();
        for (int j = i - 1; j >= 0; j--) {
            if (units.get(j).host().name().equals(host)) {
                return states.get(j) == State.DONE;
            }
        }
        return true;
    }

    /** In a rolling step: the same step on the host before this one has ended. */
    private boolean previousHostDone(int i) {
        return i == 0 || units.get(i - 1).step() != units.get(i).step() || states.get(i - 1) == State.DONE;
    }

    /** A cluster dependency on the first node; a per-host one on this host, or on every host for a cluster step. */
    private boolean dependencyDone(String depId, Unit u) {
        for (int j = 0; j < units.size(); j++) {
            Unit d = units.get(j);
            if (!d.step().id().equals(depId)) {
                continue;
            }
            boolean needed = d.step().scope() == Scope.CLUSTER || u.step().scope() == Scope.CLUSTER
                    || d.host().name().equals(u.host().name());
            if (needed && states.get(j) != State.DONE) {
                return false;
            }
        }
        return true;
    }
}
