package io.hvcluster.bench;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.estimate.CriticalPath;
import io.hvcluster.estimate.HardwareProfile;
import io.hvcluster.estimate.Spread;
import io.hvcluster.estimate.StepWork;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.Planner;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.run.ExecutorFactory;
import io.hvcluster.run.PipelineRunner;
import io.hvcluster.run.RunListener;
import io.hvcluster.run.RunOptions;
import io.hvcluster.run.ScriptRecorder;
import io.hvcluster.run.Workflow;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.sim.host.DatacenterBuilder;
import io.hvcluster.sim.host.Latencies;
import io.hvcluster.sim.host.ScriptRunner;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.sim.host.SimulatedExecutor;
import io.hvcluster.sim.host.WindowsHost;
import io.hvcluster.facts.Delegation;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.testing.InventoryFixtures;
import io.hvcluster.time.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code bench/run}: the real {@link PipelineRunner} against the in-process simulated datacenter on virtual time,
 * every script and restart costing what real hardware costs ({@link HardwareProfile#rackServer()} with a seeded
 * spread), for 2, 4, 16 and 64 hosts and every reboot policy; next to each build, its critical-path bound and the
 * same build under Ansible's default scheduling. Then the real cost of one trivial script on loopback through
 * hvcluster's WinRM executor and through pywinrm. Not a test: it prints figures, it asserts only that the builds
 * succeed.
 *
 * <p>Arguments: {@code [--seed N] [--hosts 2,4,16,64] [--policies rolling,parallel,auto] [--loopback-scripts N]}.
 */
public final class Bench {

    private static final Secret PASSWORD = Secret.of("Bench-Only-P@ss1");
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration RESTART_DELAY = Duration.ofSeconds(10);

    record Row(int hosts, RebootStrategy policy, RebootStrategy effective, Duration build, Duration bound, Duration ansible,
            double restartsPerHost, double requestsPerHost, double powerShellPerHost, Duration converged,
            double convergedPowerShellPerHost, long realMillis, String outcome) {
        double ratio() {
            return build.toMillis() / (double) bound.toMillis();
        }

        double speedup() {
            return ansible.toMillis() / (double) build.toMillis();
        }
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 14;
        List<Integer> sizes = List.of(2, 4, 16, 64);
        List<RebootStrategy> policies = List.of(RebootStrategy.ROLLING, RebootStrategy.PARALLEL, RebootStrategy.AUTO);
        int loopbackScripts = 50;
        boolean trace = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--hosts" -> sizes = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
                case "--policies" -> policies = List.of(args[++i].split(",")).stream()
                        .map(p -> RebootStrategy.valueOf(p.toUpperCase(Locale.ROOT))).toList();
                case "--loopback-scripts" -> loopbackScripts = Integer.parseInt(args[++i]);
                case "--trace" -> trace = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        long started = System.nanoTime();
        HardwareProfile profile = HardwareProfile.rackServer();
        System.out.println("hvcluster bench: the real runner on virtual time against the simulated datacenter");
        System.out.printf(Locale.ROOT, "profile: rack server (docs/performance.md), seeded spread (seed %d); restart typical %s%n", seed,
                text(profile.typicalRestart()));

        LoopbackCost loopback = new LoopbackCost(loopbackScripts);
        LoopbackCost.Measured ours = loopback.hvcluster();
        Path work = Files.createTempDirectory("hvcluster-bench");
        LoopbackCost.Measured py = loopback.pywinrm(work);

        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            for (RebootStrategy policy : policies) {
                Row r = build(n, policy, profile, Spread.seeded(seed), ours.requestsPerScript(), trace);
                rows.add(r);
                System.out.printf(Locale.ROOT, "  ran hosts=%d policy=%s in %.1f s real%n", n, policy.cliName(), r.realMillis() / 1000.0);
            }
        }

        System.out.println();
        System.out.println(String.format(Locale.ROOT, "%5s %-9s %-9s %10s %10s %6s %9s %9s %8s %10s %8s %10s %8s",
                "hosts", "policy", "effective", "build", "bound", "ratio", "restarts", "requests", "ps", "ansible", "speedup",
                "re-run", "re-ps"));
        System.out.println(String.format(Locale.ROOT, "%5s %-9s %-9s %10s %10s %6s %9s %9s %8s %10s %8s %10s %8s",
                "", "", "", "", "", "", "/host", "/host", "/host", "", "", "", "/host"));
        for (Row r : rows) {
            System.out.println(String.format(Locale.ROOT, "%5d %-9s %-9s %10s %10s %6.2f %9.1f %9.0f %8.1f %10s %7.1fx %10s %8.1f%s",
                    r.hosts(), r.policy().cliName(), r.effective().cliName(), text(r.build()), text(r.bound()), r.ratio(),
                    r.restartsPerHost(), r.requestsPerHost(), r.powerShellPerHost(), text(r.ansible()), r.speedup(),
                    text(r.converged()), r.convergedPowerShellPerHost(), r.outcome().isEmpty() ? "" : "  " + r.outcome()));
        }
        System.out.println();
        System.out.println("loopback, one trivial script against the same simulated host (measured, not simulated):");
        System.out.println(LoopbackCost.header());
        System.out.println(ours.row());
        System.out.println(py.row());
        System.out.println();
        System.out.printf(Locale.ROOT, "bench took %.1f s real%n", (System.nanoTime() - started) / 1e9);
        for (Row r : rows) {
            System.out.println(String.format(Locale.ROOT, "summary: hosts=%d policy=%s build=%s bound=%s ratio=%.2f ansible=%s speedup=%.1fx",
                    r.hosts(), r.policy().cliName(), text(r.build()), text(r.bound()), r.ratio(), text(r.ansible()), r.speedup()));
        }
        boolean failed = rows.stream().anyMatch(r -> !r.outcome().isEmpty());
        System.exit(failed ? 1 : 0);
    }

    /** One new build and one converged re-run, both on virtual time. */
    static Row build(int n, RebootStrategy policy, HardwareProfile profile, Spread spread, double trivialRequests, boolean trace)
            throws Exception {
        long realStart = System.nanoTime();
        Inventory inv = clusterAddressAbove(InventoryFixtures.nodes(n, TargetOs.WINDOWS_SERVER_2022));
        StepWork work = new StepWork(profile, spread, inv);
        SimulatedDatacenter dc = DatacenterBuilder.fresh(inv).domainPassword(PASSWORD).bootedAt(START.minus(Duration.ofHours(1))).build();
        dc.setLatencies(Latencies.none(work.secondRestartGap()));
        dc.setRestartDowntime(h -> work.restart(h.name, h.bootCount, finishesFeatures(h, work)));
        VirtualTime time = new VirtualTime(START);
        ScriptRunner runner = new ScriptRunner(dc);
        Map<String, CostedExecutor> executors = new ConcurrentHashMap<>();
        boolean[] drain = {false};
        ExecutorFactory factory = host -> executors.computeIfAbsent(host.name(), k -> new CostedExecutor(
                new SimulatedExecutor(runner, host.name(), time), dc, work, time, () -> drain[0], trivialRequests));
        RunOptions defaults = RunOptions.defaults(Map.of(Delegation.PASSWORD_SECRET, PASSWORD));
        RunOptions options = new RunOptions(defaults.parallelism(), false, policy, defaults.stepTimeout(), defaults.rebootTimeout(),
                defaults.pollInterval(), defaults.secrets());

        Instant t0 = time.now();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        RunListener failuresOnly = new RunListener() {
            @Override
            public void stepFinished(io.hvcluster.run.RunEvents.StepFinished e) {
                if (e.status() == io.hvcluster.run.StepStatus.FAILED || e.status() == io.hvcluster.run.StepStatus.NOT_CONVERGED) {
                    failures.add(e.stepId() + "@" + e.host() + ": " + e.error());
                }
            }
        };
        Workflow.Outcome first = workflow(inv, factory, options, failuresOnly, time, drain, failures);
        Plan plan = first.plan();
        PipelineRunner.RunResult result = first.result();
        if (plan == null || result == null) {
            throw new IllegalStateException("hosts=" + n + " policy=" + policy.cliName() + ": " + first.summary()
                    + (failures.isEmpty() ? "" : " — " + failures.get(0)));
        }
        Duration build = Duration.between(t0, time.now());
        if (trace) {
            executors.values().stream().flatMap(e -> e.trace.stream()).sorted().forEach(l -> System.out.println("    " + l));
        }
        long ps = executors.values().stream().mapToLong(e -> e.powerShellStarts.get()).sum();
        long requests = executors.values().stream().mapToLong(e -> e.requests.get()).sum();
        double restarts = dc.hosts.values().stream().mapToInt(h -> h.bootCount - 1).sum() / (double) n;

        Set<String> todo = new LinkedHashSet<>();
        for (StepPlan s : plan.steps()) {
            if (!s.inDesiredState()) {
                todo.add(s.stepId() + "@" + s.host());
            }
        }
        boolean parallel = plan.reboot().parallel();
        Duration bound = new CriticalPath(inv, Planner.pipeline(plan.reboot()), work, RESTART_DELAY).finish(todo, parallel, false);
        Duration ansible = new AnsibleSchedule(inv, StandardPipeline.create(true), work).finish(todo);
        String outcome = result.anyFailed() || !failures.isEmpty() ? "FAILED: " + first.summary() + (failures.isEmpty() ? "" : " — " + failures.get(0)) : "";

        // The same build again: it should find nothing to change.
        executors.values().forEach(e -> {
            e.powerShellStarts.set(0);
            e.requests.set(0);
        });
        Instant t1 = time.now();
        Workflow.Outcome again = workflow(inv, factory, options, failuresOnly, time, drain, failures);
        if (again.plan() != null && again.plan().toChange() != 0 && outcome.isEmpty()) {
            outcome = "re-run found " + again.plan().toChange() + " to change";
        }
        Duration converged = Duration.between(t1, time.now());
        long convergedPs = executors.values().stream().mapToLong(e -> e.powerShellStarts.get()).sum();
        return new Row(n, policy, plan.reboot().effective(), build, bound, ansible, restarts, requests / (double) n, ps / (double) n,
                converged, convergedPs / (double) n, (System.nanoTime() - realStart) / 1_000_000, outcome);
    }

    /** `apply --yes` as the CLI runs it: facts, preflight (when something is to change), plan, apply. */
    private static Workflow.Outcome workflow(Inventory inv, ExecutorFactory factory, RunOptions options, RunListener listener, VirtualTime time,
            boolean[] drain, List<String> failures) throws InterruptedException {
        ScriptRenderer renderer = ScriptRenderer.bundled();
        try (PipelineRunner pr = new PipelineRunner(inv, new BundleRenderer(renderer, "bench"), new FactsProbe(renderer, "bench"), factory,
                options, listener, ScriptRecorder.none(), new SecretMasker(List.of(PASSWORD)), time)) {
            return new Workflow(pr, true, new Workflow.Console() {
                @Override
                public void preflight(io.hvcluster.preflight.PreflightReport report) {
                    if (report.hasErrors()) {
                        failures.add("preflight: " + report.summary());
                    }
                }

                @Override
                public void plan(Plan plan) {
                    drain[0] = !plan.reboot().parallel();
                }

                @Override
                public boolean confirm(Plan plan) {
                    return true;
                }
            }).run(Workflow.Goal.APPLY);
        }
    }

    /** The fixture numbers hosts 10.0.0.11 and up; with 64 hosts that reaches the cluster's .50, so move it above them. */
    private static Inventory clusterAddressAbove(Inventory inv) {
        io.hvcluster.inventory.ClusterSpec c = inv.cluster();
        io.hvcluster.inventory.ClusterSpec moved = new io.hvcluster.inventory.ClusterSpec(c.name(), InventoryFixtures.ip("10.0.0.200"),
                c.domain(), c.targetOs(), c.quorum(), c.witness(), c.sharedVolumes(), c.virtualSwitches(), c.disableUnusedAdapters());
        return new Inventory(inv.source(), moved, inv.networks(), inv.hosts(), inv.connection(), inv.capacity());
    }

    /** Windows configures the installed features during the first restart after the install. */
    private static boolean finishesFeatures(WindowsHost h, StepWork work) {
        return h.bootsToFinishFeatures == work.hyperVRestarts();
    }

    /** "38m12s", "4h02m10s" (the summary line's format). */
    static String text(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60);
    }

}
