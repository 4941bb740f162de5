package io.hvcluster.estimate;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.StepPlan;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.StandardPipeline;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How long the changes of a plan should take on real hardware, so the admin can book the change window: the
 * critical path of what is to change, at the profile's typical figures, with the probes hvcluster's runner adds,
 * and the same under a rolling restart for comparison.
 *
 * @param duration        the build with the plan's reboot policy
 * @param rolling         the same build restarting one host at a time
 * @param parallel        whether the plan restarts every host at once
 * @param restartingHosts hosts that enable-hyper-v restarts
 * @param hosts           hosts in the inventory
 * @param windowsRestarts restarts a host takes for the one hvcluster asks (Hyper-V adds a second by itself)
 */
public record BuildEstimate(Duration duration, Duration rolling, boolean parallel, int restartingHosts, int hosts, int windowsRestarts) {

    /** Restart delay of enable-hyper-v's script (shutdown.exe /t). */
    static final Duration RESTART_DELAY = Duration.ofSeconds(10);

    /** The estimate for a plan, at the typical figures of {@link HardwareProfile#rackServer()}. */
    public static BuildEstimate forPlan(Inventory inventory, Plan plan) {
        Set<String> todo = new LinkedHashSet<>();
        for (StepPlan s : plan.steps()) {
            if (!s.inDesiredState()) {
                todo.add(s.stepId() + "@" + s.host());
            }
        }
        return of(inventory, todo, plan.reboot().parallel(), HardwareProfile.rackServer());
    }

    /**
     * @param todo "stepId@host" of every step with something to change (cluster steps on the first node)
     */
    public static BuildEstimate of(Inventory inventory, Set<String> todo, boolean parallel, HardwareProfile profile) {
        StepWork work = new StepWork(profile, Spread.typical(), inventory);
        Duration mine = new CriticalPath(inventory, StandardPipeline.create(!parallel), work, RESTART_DELAY).finish(todo, parallel, true);
        Duration rolling = parallel
                ? new CriticalPath(inventory, StandardPipeline.create(true), work, RESTART_DELAY).finish(todo, false, true)
                : mine;
        int restarting = (int) inventory.hosts().stream().map(Host::name).filter(h -> todo.contains(EnableHyperVStep.ID + "@" + h)).count();
        return new BuildEstimate(mine, rolling, parallel, restarting, inventory.hosts().size(), work.hyperVRestarts());
    }

    /** "estimate: about 52 min, 1 restart per host (...); rolling would take about 4 h 40 min". */
    public String line() {
        StringBuilder b = new StringBuilder("estimate: ").append(about(duration));
        if (restartingHosts == 0) {
            b.append(", no restart");
        } else {
            b.append(restartingHosts == hosts ? ", 1 restart per host" : ", 1 restart on " + restartingHosts + " of " + hosts + " hosts");
            if (windowsRestarts > 1) {
                b.append(" (Hyper-V then restarts once more by itself)");
            }
            if (parallel) {
                b.append("; rolling would take ").append(about(rolling));
            } else {
                b.append(", one host at a time");
            }
        }
        return b.append(" (typical rack-server timings, docs/performance.md)").toString();
    }

    /** "under a minute", "about 38 min", "about 4 h 40 min" (hours rounded to 5 minutes). */
    static String about(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return "under a minute";
        }
        long min = Math.round(s / 60.0);
        if (min < 60) {
            return "about " + min + " min";
        }
        long rounded = Math.round(s / 300.0) * 5;
        long h = rounded / 60;
        long m = rounded % 60;
        return m == 0 ? String.format(Locale.ROOT, "about %d h", h) : String.format(Locale.ROOT, "about %d h %d min", h, m);
    }
}
