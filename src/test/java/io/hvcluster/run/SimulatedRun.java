package io.hvcluster.run;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.sim.host.DatacenterBuilder;
import io.hvcluster.sim.host.Latencies;
import io.hvcluster.sim.host.ScriptRunner;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.sim.host.SimulatedExecutor;
import io.hvcluster.facts.Delegation;
import io.hvcluster.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A build against the in-process simulated datacenter, recording every script that ran and every event, so
 * orchestration tests can assert what was executed, not only what the model ended up as. It runs on virtual
 * time with realistic latencies (3-minute restarts, 90-second feature installs, polls every 10 s): the runner,
 * its reboot waits and the simulated hosts share one {@link VirtualTime}, so a whole build takes no real waiting.
 */
final class SimulatedRun {

    static final Secret PASSWORD = Secret.of("Sim-P@ss");

    final Inventory inventory;
    final SimulatedDatacenter dc;
    final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    final List<RunEvents.StepFinished> finished = Collections.synchronizedList(new ArrayList<>());
    final List<String> order = Collections.synchronizedList(new ArrayList<>());
    final List<RunEvents.HostNotice> notices = Collections.synchronizedList(new ArrayList<>());
    final List<RunEvents.StepStarted> starts = Collections.synchronizedList(new ArrayList<>());
    final List<RunEvents.Progress> progress = Collections.synchronizedList(new ArrayList<>());
    /** The last run's end, as the runner reported it. */
    RunEvents.RunFinished runFinished;
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    final VirtualTime time;
    /** The preflight of the last {@link #apply}, run on the facts the plan came from. */
    io.hvcluster.preflight.PreflightReport preflight;
    /** Wraps each host's executor, to inject transport behaviour a test needs. */
    java.util.function.BiFunction<String, ScriptExecutor, ScriptExecutor> wrap = (host, e) -> e;

    SimulatedRun(Inventory inventory) {
        this.inventory = inventory;
        this.time = new VirtualTime(START);
        this.dc = DatacenterBuilder.fresh(inventory).domainPassword(PASSWORD).bootedAt(START.minus(Duration.ofHours(1))).build();
        dc.setLatencies(Latencies.realistic());
    }

    /** The hosts as {@code dc} has them (a crash image), on virtual time from {@code start}. */
    SimulatedRun(Inventory inventory, SimulatedDatacenter dc, Instant start) {
        this.inventory = inventory;
        this.time = new VirtualTime(start);
        this.dc = dc;
        dc.setLatencies(Latencies.realistic());
    }

    /** One whole `apply`: facts, plan, steps. */
    Outcome apply(RebootStrategy strategy, Duration rebootTimeout, boolean continueOnError) throws InterruptedException {
        try (PipelineRunner pr = runner(strategy, rebootTimeout, continueOnError, null)) {
            FactsCollection facts = pr.collectFacts();
            preflight = pr.preflight(facts.facts());
            Plan plan = pr.plan(facts.facts());
            return new Outcome(plan, pr.apply(plan));
        }
    }

    /**
     * A runner on the simulated hosts (or, given {@code only}, on that executor for every host), its events
     * recorded here; the caller closes it.
     */
    PipelineRunner runner(RebootStrategy strategy, Duration rebootTimeout, boolean continueOnError, ScriptExecutor only) {
        executed.clear();
        finished.clear();
        order.clear();
        notices.clear();
        starts.clear();
        progress.clear();
        ScriptRunner runner = new ScriptRunner(dc);
        ExecutorFactory factory = host -> new RecordingExecutor(only != null ? only : wrap.apply(host.name(),
                new SimulatedExecutor(runner, host.name(), time)));
        RunOptions options = new RunOptions(4, continueOnError, strategy, Duration.ofMinutes(60), rebootTimeout, Duration.ofSeconds(10),
                Map.of(Delegation.PASSWORD_SECRET, PASSWORD));
        RunListener listener = new RunListener() {
            @Override
            public void stepStarted(RunEvents.StepStarted e) {
                starts.add(e);
                order.add("start " + e.stepId() + "/" + e.phase() + "@" + e.host());
            }

            @Override
            public void stepFinished(RunEvents.StepFinished e) {
                finished.add(e);
                order.add("end " + e.stepId() + "/" + e.phase() + "@" + e.host());
            }

            @Override
            public void hostNotice(RunEvents.HostNotice e) {
                notices.add(e);
            }

            @Override
            public void progress(RunEvents.Progress e) {
                progress.add(e);
            }

            @Override
            public void runFinished(RunEvents.RunFinished e) {
                runFinished = e;
            }
        };
        ScriptRenderer renderer = ScriptRenderer.bundled();
        return new PipelineRunner(inventory, new BundleRenderer(renderer, "test"), new FactsProbe(renderer, "test"),
                factory, options, listener, ScriptRecorder.none(), new SecretMasker(List.of(PASSWORD)), time);
    }

    Outcome apply() throws InterruptedException {
        return apply(RebootStrategy.AUTO, Duration.ofMinutes(30), false);
    }

    record Outcome(Plan plan, PipelineRunner.RunResult result) {
    }

    List<RunEvents.StepFinished> finished(StepStatus status) {
        return finished.stream().filter(f -> f.status() == status).toList();
    }

    /** Records every script that is not the read-only probe. */
    private final class RecordingExecutor implements ScriptExecutor {
        private final ScriptExecutor inner;

        RecordingExecutor(ScriptExecutor inner) {
            this.inner = inner;
        }

        @Override
        public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
            if (!script.stepId().equals(FactsProbe.ID) && !script.stepId().equals(io.hvcluster.facts.PreflightProbe.ID)) {
                executed.add(script.stepId() + "/" + script.phase() + "@" + script.host());
            }
            return inner.run(script, timeout, sink);
        }
    }
}
