package io.hvcluster.sim.host;

import com.fasterxml.jackson.databind.JsonNode;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.render.ScriptHeader;
import io.hvcluster.render.ScriptRenderer;
import io.hvcluster.secrets.Secret;
import io.hvcluster.facts.Delegation;
import io.hvcluster.steps.StandardPipeline;
import io.hvcluster.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test driver: renders the real scripts of a build (the same order as io.hvcluster.bundle.BundleRenderer: step
 * by step, cluster steps on the first node, rolling steps host by host with both phases) and runs them through
 * {@link SimulatedExecutor}s on a manual clock, waiting out the Hyper-V restarts as the orchestrator would.
 */
final class SimulatedBuild {

    static final Secret PASSWORD = Secret.of("Corr3ct-Horse");
    /** The cloud witness's storage account key, delivered like the password. */
    static final Secret CLOUD_KEY = Secret.of("c2ltLWNsb3VkLWtleQ==");
    static final ScriptRenderer RENDERER = ScriptRenderer.bundled();
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    final Inventory inventory;
    final Pipeline pipeline;
    final SimulatedDatacenter dc;
    final ScriptRunner runner;
    final VirtualTime clock;
    final Map<String, SimulatedExecutor> executors = new LinkedHashMap<>();

    /** One script's result, with the parsed result line. */
    record Run(String host, String stepId, String phase, ScriptResult result) {
        JsonNode json() {
            return result.structured().orElseThrow(() -> new AssertionError("no result JSON from " + this + ": " + result));
        }

        boolean changed() {
            return json().get("changed").asBoolean();
        }

        @Override
        public String toString() {
            return stepId + "/" + phase + " on " + host;
        }
    }

    SimulatedBuild(Inventory inventory, SimulatedDatacenter dc) {
        this(inventory, dc, new VirtualTime(Instant.parse("2026-03-02T08:00:00Z")), StandardPipeline.create());
    }

    private SimulatedBuild(Inventory inventory, SimulatedDatacenter dc, VirtualTime clock, Pipeline pipeline) {
        this.inventory = inventory;
        this.dc = dc;
        this.clock = clock;
        this.pipeline = pipeline;
        this.runner = new ScriptRunner(dc);
        inventory.hosts().forEach(h -> executors.put(h.name(), new SimulatedExecutor(runner, h.name(), clock)));
    }

    static SimulatedBuild fresh(Inventory inventory) {
        return new SimulatedBuild(inventory, DatacenterBuilder.fresh(inventory).domainPassword(PASSWORD)
                .bootedAt(Instant.parse("2026-03-02T07:00:00Z")).build());
    }

    static String render(Inventory inventory, Step<?> step, Phase phase, Host host) {
        Record params = step.parameters(inventory, host);
        return RENDERER.render(phase.template(), new ScriptHeader(step.id(), phase.name(), host.name(), inventory.source(), "test", params), params);
    }

    static String renderWith(Step<?> step, Phase phase, String host, Record params) {
        return RENDERER.render(phase.template(), new ScriptHeader(step.id(), phase.name(), host, "lab.yaml", "test", params), params);
    }

    String probe(String host) {
        Host h = inventory.host(host).orElseThrow();
        Record p = FactsProbe.parameters(inventory, h);
        String text = RENDERER.render(FactsProbe.TEMPLATE, new ScriptHeader(FactsProbe.ID, "probe", host, inventory.source(), "test", p), p);
        ScriptResult r = execute(host, FactsProbe.ID, "probe", text, Map.of());
        if (r.exitCode() != 0) {
            throw new AssertionError("probe failed: " + r.stderr());
        }
        return r.stdout().strip();
    }

    Map<String, Secret> secretsFor(Step<?> step) {
        Map<String, Secret> out = new LinkedHashMap<>();
        if (step.secrets().contains(Delegation.PASSWORD_SECRET)) {
            out.put(Delegation.PASSWORD_SECRET, PASSWORD);
        }
        if (step.secrets().contains(io.hvcluster.inventory.ExternalWitness.Cloud.KEY_SECRET)) {
            out.put(io.hvcluster.inventory.ExternalWitness.Cloud.KEY_SECRET, CLOUD_KEY);
        }
        return out;
    }

    ScriptResult execute(String host, String stepId, String phase, String text, Map<String, Secret> secrets) {
        return executors.get(host).run(new Script(host, stepId, phase, stepId + ".ps1", text, secrets), TIMEOUT, OutputSink.discard());
    }

    /** Every step on every host in pipeline order; fails on the first script that fails. */
    List<Run> runAll() {
        List<Run> out = new ArrayList<>();
        for (Step<?> step : pipeline.steps()) {
            List<Host> targets = step.scope() == Scope.CLUSTER ? List.of(inventory.firstNode()) : inventory.hosts();
            for (Host host : targets) {
                for (Phase phase : step.phases()) {
                    Run r = runOne(step, phase, host);
                    if (r.result().exitCode() != 0) {
                        throw new AssertionError(r + " failed: " + r.result().stderr() + r.result().stdout());
                    }
                    out.add(r);
                    if (phase.rebootsHost() && r.json().get("data").path("rebootScheduled").asBoolean()) {
                        waitForRestart(host.name(), r.json().get("data").get("bootTimeBefore").asText());
                    }
                }
            }
        }
        return out;
    }

    /** Every step before {@code stepId}, as {@link #runAll()} runs them. */
    void runBefore(String stepId) {
        Pipeline head = new Pipeline(pipeline.steps().subList(0, pipeline.position(stepId) - 1));
        new SimulatedBuild(inventory, dc, clock, head).runAll();
    }

    Run run(String stepId, String host) {
        Step<?> step = pipeline.step(stepId).orElseThrow();
        return runOne(step, step.phases().get(0), inventory.host(host).orElseThrow());
    }

    Run runWith(String stepId, String phase, String host, Record params) {
        Step<?> step = pipeline.step(stepId).orElseThrow();
        Phase p = step.phases().stream().filter(x -> x.name().equals(phase)).findFirst().orElseThrow();
        return new Run(host, stepId, phase, execute(host, stepId, phase, renderWith(step, p, host, params), secretsFor(step)));
    }

    Run runOne(Step<?> step, Phase phase, Host host) {
        ScriptResult result = execute(host.name(), step.id(), phase.name(), render(inventory, step, phase, host), secretsFor(step));
        return new Run(host.name(), step.id(), phase.name(), result);
    }

    /** As the orchestrator waits: the boot time changed and stayed the same over two polls while reachable. */
    void waitForRestart(String host, String bootTimeBefore) {
        String last = null;
        for (int i = 0; i < 600; i++) {
            clock.advance(Duration.ofMillis(250));
            synchronized (dc) {
                if (!dc.reachable(host, clock.now())) {
                    last = null;
                    continue;
                }
                String boot = FactsSnapshot.roundTrip(dc.requireHost(host).bootTimeMillis);
                if (!boot.equals(bootTimeBefore) && boot.equals(last) && dc.requireHost(host).shutdownAtMillis == null) {
                    return;
                }
                last = boot;
            }
        }
        throw new AssertionError(host + " did not come back");
    }
}
