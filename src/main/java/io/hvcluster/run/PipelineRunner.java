package io.hvcluster.run;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.plan.Plan;
import io.hvcluster.preflight.Preflight;
import io.hvcluster.preflight.PreflightInput;
import io.hvcluster.preflight.PreflightReport;
import io.hvcluster.plan.Planner;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a build: facts from every host, the plan, then the steps. All of it runs on one thread pool per run
 * (at most --parallel tasks at once). Each host works through its steps in order and moves on as soon as the
 * steps it depends on allow ({@link StepFlow}): cluster steps run once on the first node when every host they
 * need is ready, enable-hyper-v goes host by host (rolling) or all at once (parallel), as the plan's reboot
 * decision says. A host that fails stops its own steps and the cluster steps that need it; work in flight on
 * other hosts finishes; without --continue-on-error nothing new starts. Because every step re-plans from
 * fresh facts, a re-run resumes where the hosts are. Time is read from, and waits sleep on, the
 * {@link TimeSource} it is given.
 */
public final class PipelineRunner implements AutoCloseable {

    private final RunContext ctx;
    private final RunPool pool;
    private Instant started;
    /** The steps' statuses so far, once steps run (an interrupted run reports them). */
    private volatile RunResult current;
    private volatile boolean finished;

    /** The exit code of a run interrupted by Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;
    /** How long an interrupted run waits for its running steps to stop and record how they ended. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /** A runner on the wall clock. */
    public PipelineRunner(Inventory inventory, BundleRenderer bundle, FactsProbe probe, ExecutorFactory executors,
            RunOptions options, RunListener listener, ScriptRecorder recorder, SecretMasker masker) {
        this(inventory, bundle, probe, executors, options, listener, recorder, masker, TimeSource.system());
    }

    /** @param time what the run reads the time from and sleeps on (virtual time in tests) */
    public PipelineRunner(Inventory inventory, BundleRenderer bundle, FactsProbe probe, ExecutorFactory executors,
            RunOptions options, RunListener listener, ScriptRecorder recorder, SecretMasker masker, TimeSource time) {
        this.ctx = new RunContext(inventory, bundle, new HostProbe(inventory, probe, Duration.ofMinutes(5)), new Planner(),
                options, listener, recorder, masker, executors, time);
        this.pool = new RunPool(options.parallelism(), time);
        this.started = time.now();
    }

    /** The inventory the run works on. */
    public Inventory inventory() {
        return ctx.inventory;
    }

    /** What the run reads the time from. */
    public TimeSource time() {
        return ctx.time;
    }

    /** Probes every host in parallel. */
    public FactsCollection collectFacts() throws InterruptedException {
        Map<String, HostFacts> facts = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        Map<String, Boolean> refused = new ConcurrentHashMap<>();
        HostTask probe = host -> {
            try {
                facts.put(host.name(), ctx.reprobe(host));
            } catch (ExecutionException e) {
                failures.put(host.name(), ctx.masker.mask(e.getMessage()));
                if (e.kind() == ExecutionException.Kind.AUTHENTICATION_FAILED) {
                    refused.put(host.name(), true);
                }
            } catch (FactsParser.FactsException e) {
                failures.put(host.name(), ctx.masker.mask(e.getMessage()));
            }
        };
        // The credentials are tried on one host before the others: a wrong password then costs one failed logon
        // per run, not one per host (a domain account locks out after a few). A host that does not answer at all
        // tested nothing, so the next one is tried alone, up to LOGON_TRIES hosts.
        List<Host> hosts = ctx.inventory.hosts();
        int next = 0;
        while (next < hosts.size() && next < LOGON_TRIES) {
            Host host = hosts.get(next++);
            forEachHost(List.of(host), probe);
            if (refused.containsKey(host.name())) {
                for (Host other : hosts.subList(next, hosts.size())) {
                    failures.put(other.name(), "not contacted: " + host.name() + " refused the credentials, and trying "
                            + "them on every host would count one failed logon per host (account lockout)");
                }
                next = hosts.size();
            } else if (facts.containsKey(host.name())) {
                break;
            }
        }
        forEachHost(hosts.subList(next, hosts.size()), probe);
        ctx.setFacts(facts);
        return new FactsCollection(facts, failures);
    }

    /** Hosts tried one at a time until one accepts or refuses the credentials. */
    private static final int LOGON_TRIES = 3;

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
        ctx.setContract(new PlanContract(plan));
        HostStepRun runner = new HostStepRun(ctx);
        RunResult result = flow(plan, runner::run);
        finish(result.anyFailed() ? 1 : 0, result.summary());
        return result;
    }

    /**
     * A dry run of {@code plan}: the same steps in the same order and flow as {@link #apply}, every phase's
     * script handed to the executor (the dry-run executor writes it) and reported as planned.
     */
    public RunResult dryRun(Plan plan) throws InterruptedException {
        RunResult result = flow(plan, new DryRunStep(ctx)::run);
        finish(0, "dry run: " + result.count(StepStatus.PLANNED) + " step runs written, nothing was contacted");
        return result;
    }

    /**
     * A plan made without asking the hosts (a dry run): every step on every host, its state unknown. The
     * reboot path follows --reboot-strategy; auto takes the rolling path, the one that is safe on a cluster that
     * already runs roles, since nobody asked whether it does.
     */
    public Plan planWithoutFacts() {
        RebootStrategy requested = ctx.options.rebootStrategy();
        RebootDecision reboot = switch (requested) {
            case PARALLEL -> new RebootDecision(requested, RebootStrategy.PARALLEL, "parallel, as requested: every node restarts at once");
            case ROLLING -> new RebootDecision(requested, RebootStrategy.ROLLING, "rolling, as requested: one host at a time, drained first");
            case AUTO -> new RebootDecision(requested, RebootStrategy.ROLLING, "rolling (auto, dry run): nothing was asked, so whether the "
                    + "cluster runs roles is unknown and the safe path is written; --reboot-strategy parallel writes the faster path for a new, empty build");
        };
        List<StepPlan> steps = new ArrayList<>();
        for (Step<?> step : Planner.pipeline(reboot).steps()) {
            List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(ctx.inventory.firstNode()) : ctx.inventory.hosts();
            for (Host h : targets) {
                // Nothing was asked: the script runs, checks the host and changes only what differs.
                steps.add(new StepPlan(step.id(), h.name(), List.of(new Change(Action.RUN, h.name(),
                        "its script (state unknown in a dry run)", "", "")), List.of()));
            }
        }
        Plan plan = new Plan(steps, reboot);
        ctx.listener.planComputed(new RunEvents.PlanComputed(plan));
        return plan;
    }

    /** One step on one host, however it is carried out. */
    @FunctionalInterface
    private interface UnitRun {
        StepStatus run(Step<?> step, int position, Host host) throws InterruptedException;
    }

    /** Every step of the plan's pipeline on the run's pool, each as soon as {@link StepFlow} lets it start. */
    private RunResult flow(Plan plan, UnitRun unitRun) throws InterruptedException {
        ctx.setReboot(plan.reboot());
        started = ctx.time.now();
        StepFlow flow = new StepFlow(Planner.pipeline(plan.reboot()), ctx.inventory, !plan.reboot().parallel(), ctx.options.continueOnError());
        RunResult result = new RunResult();
        current = result;
        pool.submitting(() -> startReady(flow, result, unitRun));
        try {
            pool.awaitIdle();
        } catch (InterruptedException e) {
            // Ctrl-C: nothing new starts, what runs is stopped and given a moment to say how it ended.
            flow.interrupt();
            pool.stopRunning(STOP_GRACE);
            throw e;
        }
        if (flow.pending()) {
            throw new IllegalStateException("the run ended with steps neither run nor skipped");
        }
        return result;
    }

    private void startReady(StepFlow flow, RunResult result, UnitRun unitRun) {
        for (StepFlow.Decision d : flow.next()) {
            StepFlow.Unit u = d.unit();
            if (d.skip()) {
                skip(result, u.step(), u.host(), d.skipWhy());
                continue;
            }
            pool.submit(() -> {
                Thread.currentThread().setName("hvcluster-" + u.host().name());
                StepStatus status = unitRun.run(u.step(), u.position(), u.host());
                result.put(u.step().id(), u.host().name(), status);
                flow.finished(u, status);
                // Start what this unblocked before this task ends, so virtual time never passes in between.
                startReady(flow, result, unitRun);
            });
        }
    }

    /** A host notice, stamped with the run's time. */
    void notice(String host, NoticeKind kind, String message) {
        ctx.listener.hostNotice(new RunEvents.HostNotice(host, kind, message, ctx.time.now()));
    }

    /**
     * The end of a run interrupted by Ctrl-C, for the listeners (so the report is still written): exit code
     * {@link #INTERRUPTED} and what had happened by then.
     *
     * @return the summary line
     */
    public String finishInterrupted() {
        RunResult soFar = current;
        String summary = "interrupted (Ctrl-C): " + (soFar == null ? "no step had started, nothing was changed"
                : soFar.summary() + " before the interrupt");
        finish(INTERRUPTED, summary);
        return summary;
    }

    /** The steps' statuses so far, or null before any step ran. */
    public RunResult resultSoFar() {
        return current;
    }

    /**
     * The run's end when it stopped on an exception (no terminal to confirm on, a refused plan, a bug), unless
     * it had already ended: the report still gets written, with the exit code the process will have.
     */
    public void finishAbnormally(int exit, String why) {
        if (!finished) {
            finish(exit, "stopped: " + ctx.masker.mask(why));
        }
    }

    /**
     * Runs one script on a host over the run's executor for it, outside any step (verify's probe and the burn-in
     * scripts): the caller reads the result.
     */
    public io.hvcluster.exec.ScriptResult runScript(Host host, io.hvcluster.exec.Script script, Duration timeout) {
        return ctx.executor(host).run(script, timeout, io.hvcluster.exec.OutputSink.discard());
    }

    /** The run's listeners: verify reports its findings and burn-in operations to them. */
    public RunListener listener() {
        return ctx.listener;
    }

    /** The run's end, for the listeners (the report is written then). */
    public void finish(int exit, String summary) {
        finished = true;
        Instant end = ctx.time.now();
        ctx.listener.runFinished(new RunEvents.RunFinished(exit, summary, Duration.between(started, end), end));
    }

    private void skip(RunResult result, Step<?> step, Host h, String why) {
        result.put(step.id(), h.name(), StepStatus.SKIPPED);
        ctx.listener.stepFinished(new RunEvents.StepFinished(step.id(), h.name(), "apply", StepStatus.SKIPPED, -1, List.of(),
                List.of(), "skipped: " + why, Duration.ZERO, "", ScriptData.NONE));
    }

    /**
     * The run lock of the run {@code mine} describes, on this runner's hosts: {@link RunLock#acquire()} before the
     * first change, {@link RunLock#release()} in a finally (apply does this in {@link Workflow}; verify --burn-in can).
     */
    public RunLock runLock(io.hvcluster.facts.RunLockMark mine) {
        return new RunLock(ctx, this, mine);
    }

    @FunctionalInterface
    interface HostTask {
        void run(Host host) throws InterruptedException;
    }

    void forEachHost(List<Host> hosts, HostTask task) throws InterruptedException {
        pool.submitting(() -> {
            for (Host h : hosts) {
                pool.submit(() -> {
                    Thread.currentThread().setName("hvcluster-" + h.name());
                    task.run(h);
                });
            }
        });
        try {
            pool.awaitIdle();
        } catch (InterruptedException e) {
            pool.stopRunning(STOP_GRACE);
            throw e;
        }
    }

    @Override
    public void close() {
        pool.close();
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
