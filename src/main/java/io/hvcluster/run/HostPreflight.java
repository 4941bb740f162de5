package io.hvcluster.run;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.PreflightFacts;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.secrets.Secret;
import io.hvcluster.facts.Delegation;
import java.time.Duration;
import java.util.Map;

/** Runs the read-only preflight probe on one host and parses its answer. */
final class HostPreflight {

    private final Inventory inventory;
    private final PreflightProbe probe;
    private final Map<String, Secret> secrets;
    private final FactsParser parser = new FactsParser();
    private final Duration timeout;

    HostPreflight(Inventory inventory, PreflightProbe probe, Map<String, Secret> secrets, Duration timeout) {
        this.inventory = inventory;
        this.probe = probe;
        this.secrets = secrets;
        this.timeout = timeout;
    }

    /**
     * @throws ExecutionException when the host cannot be reached
     * @throws FactsParser.FactsException when the probe failed or its answer cannot be read
     */
    PreflightFacts probe(Host host, ScriptExecutor executor) {
        String text = probe.render(inventory, host);
        // Only the first node asks AD, through the delegated account (the second hop); the others need no secret.
        boolean first = inventory.firstNode().name().equalsIgnoreCase(host.name());
        Secret password = secrets.get(Delegation.PASSWORD_SECRET);
        Map<String, Secret> delivered = first && password != null ? Map.of(Delegation.PASSWORD_SECRET, password) : Map.of();
        ScriptResult r = executor.run(new Script(host.name(), PreflightProbe.ID, "probe", "00-preflight.ps1", text, delivered),
                timeout, OutputSink.discard());
        if (r.exitCode() != 0) {
            String why = r.stderr().isBlank() ? "exit code " + r.exitCode() : r.stderr().strip().lines().findFirst().orElse("");
            throw new FactsParser.FactsException(host.name() + ": the preflight probe failed: " + why);
        }
        String json = r.structured().map(Object::toString)
                .orElseThrow(() -> new FactsParser.FactsException(host.name() + ": the preflight probe printed no JSON"));
        return parser.parsePreflight(host.name(), json);
    }
}
