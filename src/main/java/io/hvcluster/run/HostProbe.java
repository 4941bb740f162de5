package io.hvcluster.run;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs the read-only facts probe on one host and parses its answer. */
final class HostProbe {

    private final Inventory inventory;
    private final FactsProbe probe;
    private final FactsParser parser = new FactsParser();
    private final Duration timeout;
    /** The probe's text depends only on the inventory and the host: rendered once per host, not once per poll. */
    private final Map<String, String> rendered = new ConcurrentHashMap<>();

    HostProbe(Inventory inventory, FactsProbe probe, Duration timeout) {
        this.inventory = inventory;
        this.probe = probe;
        this.timeout = timeout;
    }

    io.hvcluster.facts.PreflightProbe preflightProbe() {
        return probe.preflightProbe();
    }

    /**
     * @throws ExecutionException when the host cannot be reached
     * @throws FactsParser.FactsException when the probe failed or its answer cannot be read
     */
    HostFacts probe(Host host, ScriptExecutor executor) {
        String text = rendered.computeIfAbsent(host.name(), n -> probe.render(inventory, host));
        ScriptResult r = executor.run(new Script(host.name(), FactsProbe.ID, "probe", "00-facts.ps1", text), timeout, OutputSink.discard());
        if (r.exitCode() != 0) {
            String why = r.stderr().isBlank() ? "exit code " + r.exitCode() : r.stderr().strip().lines().findFirst().orElse("");
            throw new FactsParser.FactsException(host.name() + ": the facts probe failed: " + why);
        }
        String json = r.structured().map(Object::toString)
                .orElseThrow(() -> new FactsParser.FactsException(host.name() + ": the facts probe printed no JSON"));
        return parser.parse(host.name(), json);
    }
}
