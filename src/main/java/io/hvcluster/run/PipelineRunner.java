package io.hvcluster.run;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.plan.Plan;
import io.hvcluster.preflight.Preflight;
import io.hvcluster.preflight.PreflightInput;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.plan.Planner;
import io.hvcluster.secrets.SecretMasker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a build: facts from every host, the plan, then the steps in order. Per-host steps run on all hosts
 * in parallel (bounded), cluster steps once on the first node, and enable-hyper-v host by host (rolling) or
 * all at once (parallel), as the plan's reboot decision says. A host that fails stops its own pipeline and
 * the cluster steps that need it; work in flight on other hosts finishes; without --continue-on-error the
 * run then stops. Because every step re-plans from fresh facts, a re-run resumes where the hosts are.
 */
public final class PipelineRunner implements AutoCloseable {

    private final RunContext ctx;

    public PipelineRunner(Inventory inventory, BundleRenderer bundle, FactsProbe probe, ExecutorFactory executors,
            RunOptions options, RunListener listener, ScriptRecorder recorder, SecretMasker masker) {
        this.ctx = new RunContext(inventory, bundle, new HostProbe(inventory, probe, Duration.ofMinutes(5)), new Planner(),
                options, listener, recorder, masker, executors);
    }

    /** Probes every host in parallel. */
    public FactsCollection collectFacts() throws InterruptedException {
        Map<String, HostFacts> facts = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        forEachHost(ctx.inventory.hosts(), host -> {
            try {
                facts.put(host.name(), ctx.reprobe(host));
            } catch (ExecutionException | FactsParser.FactsException e) {
                failures.put(host.name(), ctx.masker.mask(e.getMessage()));
            }
        });
        ctx.setFacts(facts);
        return new FactsCollection(facts, failures);
    }

    /**
     * Runs the preflight probe on every host that has facts, then every preflight check over both; the
     * report goes to the listener too. Read-only.
     */
    public PreflightReport preflight(Map<String, HostFacts> facts) throws InterruptedException {
        HostPreflight probe = new HostPreflight(ctx.inventory, ctx.probe.preflightProbe(), ctx.options.secrets(), Duration.ofMinutes(5));
        Map<String, PreflightFacts> answers = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Host> hosts = ctx.inventory.hosts().stream().filter(h -> facts.containsKey(h.name())).toList();
        forEachHost(hosts, host -> {
            try {
                answers.put(host.name(), probe.probe(host, ctx.executor(host)));
            } catch (ExecutionException | FactsParser.FactsException e) {
                failures.put(host.name(), ctx.masker.mask(e.getMessage()));
            }
        });
        PreflightReport report = Preflight.standard().check(new PreflightInput(ctx.inventory, facts, answers, failures));
        ctx.listener.preflightChecked(new RunEvents.PreflightChecked(report));
        return report;
    }

    public Plan plan(Map<String, HostFacts> facts) {
        Plan plan = ctx.planner.plan(ctx.inventory, facts, ctx.options.rebootStrategy());
        ctx.listener.planComputed(new RunEvents.PlanComputed(plan));
        return plan;
    }

    /** Takes a plan made earlier (a saved plan file) as this run's plan, as {@link #plan} does a fresh one. */
    public Plan adopt(Plan saved) {
        ctx.listener.planComputed(new RunEvents.PlanComputed(saved));
        return saved;
    }

    /**
     * Carries out {@code plan}, the confirmed contract: before each step the host is read again, and a host that
     * changed since the plan was made stops ({@link PlanContract}). Returns every step's status by host.
     */
    public RunResult apply(Plan plan) throws InterruptedException {
        Instant start = Instant.now();
        ctx.setReboot(plan.reboot());
        ctx.setContract(new PlanContract(plan));
        Pipeline pipeline = Planner.pipeline(plan.reboot());
        RunResult result = new RunResult();
        Map<String, Boolean> failedHosts = new ConcurrentHashMap<>();
        boolean stop = false;
        HostStepRun runner = new HostStepRun(ctx);
        for (Step<?> step : pipeline.steps()) {
            int position = pipeline.position(step.id());
            List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(ctx.inventory.firstNode()) : ctx.inventory.hosts();
            if (stop) {
                targets.forEach(h -> skip(result, step, h, "the run stopped after an earlier failure"));
                continue;
            }
            List<Host> runnable = new ArrayList<>();
            for (Host h : targets) {
                if (failedHosts.containsKey(h.name())) {
                    skip(result, step, h, h.name() + " failed an earlier step");
                } else if (step.scope() == Scope.CLUSTER && !failedHosts.isEmpty()) {
                    skip(result, step, h, "it needs every node, and " + String.join(", ", failedHosts.keySet()) + " failed");
                } else {
                    runnable.add(h);
                }
            }
            boolean rolling = step.scope() == Scope.ONE_HOST_AT_A_TIME && !plan.reboot().parallel();
            if (rolling) {
                for (Host h : runnable) {
                    if (!failedHosts.isEmpty()) {
                        // Never take another node down after one failed to come back healthy.
                        skip(result, step, h, "a node before it failed; restarting another could cost quorum");
                        continue;
                    }
                    record(result, failedHosts, step, h, runner.run(step, position, h));
                }
            } else {
                forEachHost(runnable, h -> record(result, failedHosts, step, h, runner.run(step, position, h)));
            }
            if (!failedHosts.isEmpty() && !ctx.options.continueOnError()) {
                stop = true;
            }
        }
        int exit = result.anyFailed() ? 1 : 0;
        ctx.listener.runFinished(new RunEvents.RunFinished(exit, result.summary(), Duration.between(start, Instant.now()), Instant.now()));
        return result;
    }

    private void record(RunResult result, Map<String, Boolean> failedHosts, Step<?> step, Host h, StepStatus status) {
        result.put(step.id(), h.name(), status);
        if (status == StepStatus.FAILED || status == StepStatus.NOT_CONVERGED) {
            failedHosts.put(h.name(), true);
        }
    }

    private void skip(RunResult result, Step<?> step, Host h, String why) {
        result.put(step.id(), h.name(), StepStatus.SKIPPED);
        ctx.listener.stepFinished(new RunEvents.StepFinished(step.id(), h.name(), "apply", StepStatus.SKIPPED, -1, List.of(),
                List.of(), "skipped: " + why, Duration.ZERO, "", ScriptData.NONE));
    }

    @FunctionalInterface
    private interface HostTask {
        void run(Host host) throws InterruptedException;
    }

    private void forEachHost(List<Host> hosts, HostTask task) throws InterruptedException {
        if (hosts.isEmpty()) {
            return;
        }
        int threads = Math.min(ctx.options.parallelism(), hosts.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hvcluster-host");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Host h : hosts) {
                futures.add(pool.submit(() -> {
                    Thread.currentThread().setName("hvcluster-" + h.name());
                    task.run(h);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof InterruptedException ie) {
                        throw ie;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        ctx.close();
    }

    /** Every step's status by host, in the order they ran. */
    public static final class RunResult {
        private final Map<String, Map<String, StepStatus>> byStep = new LinkedHashMap<>();

        synchronized void put(String step, String host, StepStatus status) {
            byStep.computeIfAbsent(step, k -> new LinkedHashMap<>()).put(host, status);
        }

        public synchronized StepStatus status(String step, String host) {
            return byStep.getOrDefault(step, Map.of()).get(host);
        }

        public synchronized boolean anyFailed() {
            return byStep.values().stream().flatMap(m -> m.values().stream())
                    .anyMatch(s -> s == StepStatus.FAILED || s == StepStatus.NOT_CONVERGED || s == StepStatus.SKIPPED);
        }

        public synchronized long count(StepStatus status) {
            return byStep.values().stream().flatMap(m -> m.values().stream()).filter(s -> s == status).count();
        }

        public synchronized String summary() {
            return count(StepStatus.CHANGED) + " changed, " + count(StepStatus.UNCHANGED) + " unchanged, "
                    + (count(StepStatus.FAILED) + count(StepStatus.NOT_CONVERGED)) + " failed, " + count(StepStatus.SKIPPED) + " skipped";
        }
    }
}
