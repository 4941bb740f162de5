package io.hvcluster.bench;

import io.hvcluster.estimate.StepWork;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The same build as an Ansible playbook with Ansible's default scheduling, timed with the same {@link StepWork}:
 * the linear strategy with forks = 5 (a task starts on the next host only when one of the 5 forks is free, and the
 * next task only when every host finished this one), cluster steps as {@code run_once} tasks, and the restarting
 * step as its own play with {@code serial: 1} (install, {@code win_reboot}, the after-restart check), as a rolling
 * win_reboot play does. Each play gathers facts first (the facts probe); a task whose host is already in the desired
 * state still runs its module (transport, PowerShell, modules) and reports "ok".
 * Sources: docs.ansible.com "Controlling playbook execution: strategies and more" (linear, 5 forks, serial) and the
 * win_reboot module (pre_reboot_delay 2 s; it waits for the host and a test command).
 */
final class AnsibleSchedule {

    static final int FORKS = 5;
    static final Duration PRE_REBOOT_DELAY = Duration.ofSeconds(2);

    private final Inventory inventory;
    private final Pipeline pipeline;
    private final StepWork work;

    AnsibleSchedule(Inventory inventory, Pipeline pipeline, StepWork work) {
        this.inventory = inventory;
        this.pipeline = pipeline;
        this.work = work;
    }

    /** @param todo "stepId@host" with something to change (cluster steps on the first node) */
    Duration finish(Set<String> todo) {
        List<String> hosts = inventory.hosts().stream().map(Host::name).toList();
        String first = inventory.firstNode().name();
        Duration t = linearTask(Duration.ZERO, hosts, h -> work.script(FactsProbe.ID, "probe", h, false));
        boolean afterRollingPlay = false;
        for (Step<?> step : pipeline.steps()) {
            if (step.phases().stream().anyMatch(Phase::rebootsHost)) {
                for (String h : hosts) {
                    // serial: 1 — the whole play, host after host, gathering facts each time.
                    t = t.plus(work.script(FactsProbe.ID, "probe", h, false)).plus(task(step, h, todo));
                }
                afterRollingPlay = true;
                continue;
            }
            if (afterRollingPlay) {
                // The next play gathers facts again on every host.
                t = linearTask(t, hosts, h -> work.script(FactsProbe.ID, "probe", h, false));
                afterRollingPlay = false;
            }
            if (step.scope() == Scope.CLUSTER) {
                t = t.plus(task(step, first, todo));
            } else {
                t = linearTask(t, hosts, h -> task(step, h, todo));
            }
        }
        return t;
    }

    /** One task over every host with 5 forks; returns when the last host finished. */
    private static Duration linearTask(Duration start, List<String> hosts, java.util.function.Function<String, Duration> cost) {
        Duration[] forks = new Duration[Math.min(FORKS, hosts.size())];
        java.util.Arrays.fill(forks, start);
        Duration end = start;
        for (String h : hosts) {
            int free = 0;
            for (int i = 1; i < forks.length; i++) {
                if (forks[i].compareTo(forks[free]) < 0) {
                    free = i;
                }
            }
            forks[free] = forks[free].plus(cost.apply(h));
            end = end.compareTo(forks[free]) >= 0 ? end : forks[free];
        }
        return end;
    }

    /** The step's tasks on one host: its module(s), or only the module's check when the host is in the desired state. */
    private Duration task(Step<?> step, String host, Set<String> todo) {
        boolean does = todo.contains(step.id() + "@" + host);
        Duration total = Duration.ZERO;
        for (Phase phase : step.phases()) {
            if (!does) {
                total = total.plus(work.overhead(step.id(), phase.name(), host, StepWork.MIN_REQUESTS_PER_SCRIPT));
                break;
            }
            total = total.plus(work.script(step.id(), phase.name(), host, true));
            if (phase.rebootsHost()) {
                total = total.plus(PRE_REBOOT_DELAY).plus(work.restart(host, 1, true));
                if (work.hyperVRestarts() > 1) {
                    total = total.plus(work.secondRestartGap()).plus(work.restart(host, 2, false));
                }
                // win_reboot's test command once the host answers.
                total = total.plus(work.overhead("win_reboot", "test", host, StepWork.MIN_REQUESTS_PER_SCRIPT));
            }
        }
        return total;
    }
}
