package io.hvcluster.estimate;

import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.steps.ConnectStorageStep;
import io.hvcluster.steps.EnableHyperVStep;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The earliest a build can finish given the steps' dependency graph and the restarts, with every script and
 * restart costing what {@link StepWork} says. Each host first answers the facts probe; then a per-host step starts
 * on a host as soon as that host finished the steps it depends on (and the cluster steps it depends on finished),
 * a cluster step starts once every host finished what it depends on, and in a rolling build the restarting step
 * runs on one host at a time. Nothing else waits: two independent steps may even overlap on one host, so the
 * result is a true lower bound for any scheduler.
 *
 * <p>With {@code withRunnerProbes} it also counts the probes hvcluster's runner spends (the preflight probe at the
 * start, a confirming facts probe after each step that changed something): the estimate `plan` prints.
 */
public final class CriticalPath {

    private final Inventory inventory;
    private final Pipeline pipeline;
    private final StepWork work;
    private final Duration restartDelay;

    /**
     * @param restartDelay how long after its script asked for it a restart begins (shutdown.exe /t)
     */
    public CriticalPath(Inventory inventory, Pipeline pipeline, StepWork work, Duration restartDelay) {
        this.inventory = inventory;
        this.pipeline = pipeline;
        this.work = work;
        this.restartDelay = restartDelay;
    }

    /**
     * @param todo     "stepId@host" of every step that has something to change (cluster steps on the first node)
     * @param parallel whether restarts may happen on every host at once (else one host at a time, drained first)
     */
    public Duration finish(Set<String> todo, boolean parallel, boolean withRunnerProbes) {
        Map<String, Duration> hostReady = new HashMap<>();
        for (Host h : inventory.hosts()) {
            Duration t = work.script(FactsProbe.ID, "probe", h.name(), false);
            if (withRunnerProbes) {
                t = t.plus(work.script(PreflightProbe.ID, "probe", h.name(), false));
            }
            hostReady.put(h.name(), t);
        }
        Map<String, Duration> finished = new HashMap<>();
        Duration rollingFree = Duration.ZERO;
        Duration end = hostReady.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        String first = inventory.firstNode().name();
        for (Step<?> step : pipeline.steps()) {
            if (step.scope() == Scope.CLUSTER) {
                Duration ready = Duration.ZERO;
                for (Host h : inventory.hosts()) {
                    ready = max(ready, readyOn(step, h.name(), hostReady, finished));
                }
                Duration took = todo.contains(step.id() + "@" + first) ? cost(step, first, todo, parallel, withRunnerProbes) : Duration.ZERO;
                Duration done = ready.plus(took);
                for (Host h : inventory.hosts()) {
                    finished.put(step.id() + "@" + h.name(), done);
                }
                end = max(end, done);
                continue;
            }
            boolean oneAtATime = step.scope() == Scope.ONE_HOST_AT_A_TIME && !parallel;
            for (Host h : inventory.hosts()) {
                Duration ready = readyOn(step, h.name(), hostReady, finished);
                boolean does = todo.contains(step.id() + "@" + h.name());
                if (oneAtATime && does) {
                    ready = max(ready, rollingFree);
                }
                Duration done = does ? ready.plus(cost(step, h.name(), todo, parallel, withRunnerProbes)) : ready;
                if (oneAtATime && does) {
                    rollingFree = done;
                }
                finished.put(step.id() + "@" + h.name(), done);
                end = max(end, done);
            }
        }
        return end;
    }

    /** Restarts the build asks of {@code host}, and the ones Windows adds by itself (Hyper-V's second). */
    public int restarts(Set<String> todo, String host) {
        int n = 0;
        for (Step<?> step : pipeline.steps()) {
            if (todo.contains(step.id() + "@" + host)) {
                n += (int) step.phases().stream().filter(Phase::rebootsHost).count() * restartsOf(step, todo, host);
            }
        }
        return n;
    }

    /**
     * How many restarts one restarting phase of {@code step} causes on {@code host}. On a new build connect-storage
     * installs Hyper-V together with Multipath-IO, so that one restart is Hyper-V's (with its second one) and
     * enable-hyper-v then restarts nothing; without Hyper-V, Multipath-IO's restart is one restart.
     */
    private int restartsOf(Step<?> step, Set<String> todo, String host) {
        boolean together = hyperVWithStorage(todo, host);
        if (step.id().equals(EnableHyperVStep.ID)) {
            return together ? 0 : work.hyperVRestarts();
        }
        if (step.id().equals(ConnectStorageStep.ID)) {
            return together ? work.hyperVRestarts() : 1;
        }
        return work.hyperVRestarts();
    }

    /** A new build: connect-storage installs Hyper-V with Multipath-IO, in one restart (ConnectStorageStep). */
    private static boolean hyperVWithStorage(Set<String> todo, String host) {
        return todo.contains(ConnectStorageStep.ID + "@" + host) && todo.contains(EnableHyperVStep.ID + "@" + host);
    }

    private Duration readyOn(Step<?> step, String host, Map<String, Duration> hostReady, Map<String, Duration> finished) {
        Duration ready = hostReady.get(host);
        for (String dep : step.dependsOn()) {
            ready = max(ready, finished.getOrDefault(dep + "@" + host, Duration.ZERO));
        }
        return ready;
    }

    /** Every phase of the step on the host; a phase that restarts the host adds the restart(s) it causes. */
    private Duration cost(Step<?> step, String host, Set<String> todo, boolean parallel, boolean withRunnerProbes) {
        boolean drain = !parallel;
        Duration total = Duration.ZERO;
        List<Phase> phases = step.phases();
        boolean together = hyperVWithStorage(todo, host);
        if (together && step.id().equals(EnableHyperVStep.ID)) {
            // Hyper-V came with connect-storage's restart: the script only confirms it (no install, no restart).
            return total.plus(work.script(step.id(), "after-reboot", host, false));
        }
        for (Phase phase : phases) {
            total = total.plus(work.script(step.id(), phase.name(), host, drain));
            if (together && step.id().equals(ConnectStorageStep.ID) && phase.rebootsHost()) {
                total = total.plus(work.script(EnableHyperVStep.ID, "apply", host, false));
            }
            int restarts = phase.rebootsHost() ? restartsOf(step, todo, host) : 0;
            if (restarts > 0) {
                total = total.plus(restartDelay).plus(work.restart(host, 1, true));
                if (restarts > 1) {
                    total = total.plus(work.secondRestartGap()).plus(work.restart(host, 2, false));
                }
            }
        }
        if (withRunnerProbes && step.convergenceCheckable()) {
            total = total.plus(work.script(FactsProbe.ID, "probe", host, false));
        }
        return total;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
