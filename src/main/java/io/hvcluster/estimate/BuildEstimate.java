package io.hvcluster.estimate;

import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.Plan;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.steps.StandardPipeline;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How long the changes of a plan should take on real hardware, so the admin can book the change window: the
 * critical path of what is to change, drawn from the profile's ranges, with the probes hvcluster's runner adds,
 * and the same under a rolling restart for comparison.
 *
 * @param duration        the build with the plan's reboot policy (median)
 * @param upTo            9 builds in 10 take at most this long
 * @param rolling         the same build restarting one host at a time
 * @param parallel        whether the plan restarts every host at once
 * @param restartingHosts hosts that enable-hyper-v restarts
 * @param hosts           hosts in the inventory
 * @param windowsRestarts restarts a host takes for the one hvcluster asks (Hyper-V adds a second by itself)
 */
public record BuildEstimate(Duration duration, Duration upTo, Duration rolling, boolean parallel, int restartingHosts, int hosts,
        int windowsRestarts) {

    /** Restart delay of enable-hyper-v's script (shutdown.exe /t). */
    static final Duration RESTART_DELAY = Duration.ofSeconds(10);

    /** The estimate for a plan, from {@link HardwareProfile#rackServer()}. */
    public static BuildEstimate forPlan(Inventory inventory, Plan plan) {
        Set<String> todo = new LinkedHashSet<>();
        for (StepPlan s : plan.steps()) {
            if (!s.inDesiredState()) {
                todo.add(s.stepId() + "@" + s.host());
            }
        }
        return of(inventory, todo, plan.reboot().parallel(), HardwareProfile.rackServer());
    }

    /** Builds drawn from the profile's spread: enough for a stable median and 90th percentile, a few ms of arithmetic. */
    static final int DRAWS = 41;

    /**
     * The median of {@value #DRAWS} builds drawn from the profile's spread (each host and restart its own values, as
     * on real hardware; the slowest host sets the pace, so the typical figures alone would be optimistic), and the
     * 90th percentile as the "up to".
     *
     * @param todo "stepId@host" of every step with something to change (cluster steps on the first node)
     */
    public static BuildEstimate of(Inventory inventory, Set<String> todo, boolean parallel, HardwareProfile profile) {
        java.util.List<Duration> mine = new java.util.ArrayList<>();
        java.util.List<Duration> rolling = new java.util.ArrayList<>();
        for (int seed = 1; seed <= DRAWS; seed++) {
            StepWork work = new StepWork(profile, Spread.seeded(seed), inventory);
            Duration d = new CriticalPath(inventory, StandardPipeline.create(!parallel), work, RESTART_DELAY).finish(todo, parallel, true);
            mine.add(d);
            rolling.add(parallel ? new CriticalPath(inventory, StandardPipeline.create(true), work, RESTART_DELAY).finish(todo, false, true) : d);
        }
        mine.sort(null);
        rolling.sort(null);
        int restarting = (int) inventory.hosts().stream().map(Host::name).filter(h -> todo.contains(EnableHyperVStep.ID + "@" + h)).count();
        return new BuildEstimate(mine.get(DRAWS / 2), mine.get(DRAWS * 9 / 10), rolling.get(DRAWS / 2), parallel, restarting,
                inventory.hosts().size(), profile.hyperVSecondRestart() ? 2 : 1);
    }

    /** "estimate: about 52 min, 1 restart per host (...); rolling would take about 4 h 40 min". */
    public String line() {
        StringBuilder b = new StringBuilder("estimate: ").append(about(duration));
        if (upTo.minus(duration).toMinutes() >= 1) {
            b.append(" (up to ").append(about(upTo).substring("about ".length())).append(")");
        }
        if (restartingHosts == 0) {
            b.append(", no restart");
        } else {
            b.append(restartingHosts == hosts ? ", 1 restart per host" : ", 1 restart on " + restartingHosts + " of " + hosts + " hosts");
            if (windowsRestarts > 1) {
                b.append(" (Hyper-V then restarts once more by itself)");
            }
            if (parallel && rolling.minus(duration).toMinutes() >= 1) {
                b.append("; rolling would take ").append(about(rolling));
            } else if (parallel) {
                // A new build restarts before the cluster exists (Hyper-V with Multipath-IO): nothing to drain, no choice.
                b.append("; before the cluster exists, so rolling would take no longer");
            } else {
                b.append(", one host at a time");
            }
        }
        return b.append(" (rack-server timings, docs/performance.md)").toString();
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
