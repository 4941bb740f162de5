package io.hvcluster.init;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.run.ExecutorFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the read-only facts probe on hosts no inventory describes yet, one after the other. A host that does not
 * answer is recorded with the reason; the others are still probed, so one run reports every unreachable host.
 */
public final class HostsProbe {

    /** Every host's facts, by the name given, and why each other host gave none. */
    public record Outcome(Map<String, HostFacts> facts, Map<String, String> failures) {
    }

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final FactsProbe probe;
    private final FactsParser parser = new FactsParser();

    public HostsProbe(FactsProbe probe) {
        this.probe = probe;
    }

    /** @param winrmPorts the ports the session may arrive on, so the probe can tell which NIC carries it */
    public Outcome probe(List<Host> hosts, ExecutorFactory executors, List<Integer> winrmPorts) {
        Map<String, HostFacts> facts = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Host host : hosts) {
            FactsProbe.Params params = new FactsProbe.Params(FactsProbe.FEATURES, winrmPorts, host.address());
            String text = probe.render(host.name(), "hvcluster init", params);
            try (ScriptExecutor executor = executors.open(host)) {
                ScriptResult r = executor.run(new Script(host.name(), FactsProbe.ID, "probe", "00-facts.ps1", text), TIMEOUT,
                        OutputSink.discard());
                if (r.exitCode() != 0) {
                    failures.put(host.name(), "the facts probe failed: " + (r.stderr().isBlank() ? "exit code " + r.exitCode()
                            : r.stderr().strip().lines().findFirst().orElse("")));
                    continue;
                }
                String json = r.structured().map(Object::toString).orElse(null);
                if (json == null) {
                    failures.put(host.name(), "the facts probe printed no JSON");
                    continue;
                }
                facts.put(host.name(), parser.parse(host.name(), json));
            } catch (ExecutionException | FactsParser.FactsException e) {
                failures.put(host.name(), e.getMessage());
            } catch (Exception e) {
                failures.put(host.name(), e.toString());
            }
        }
        return new Outcome(facts, failures);
    }
}
