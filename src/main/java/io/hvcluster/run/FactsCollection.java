package io.hvcluster.run;

import io.hvcluster.facts.HostFacts;
import java.util.Map;

/**
 * The facts of the hosts that answered, and why the others did not.
 *
 * @param facts    by host name
 * @param failures by host name: one line each
 */
public record FactsCollection(Map<String, HostFacts> facts, Map<String, String> failures) {

    public FactsCollection {
        facts = Map.copyOf(facts);
        failures = Map.copyOf(failures);
    }

    public boolean complete() {
        return failures.isEmpty();
    }
}
