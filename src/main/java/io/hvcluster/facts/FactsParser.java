package io.hvcluster.facts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads the probe's JSON. Unknown keys fail the parse: the probe template and this model must not drift
 * apart silently (the simulator's facts are checked against the same model).
 */
public final class FactsParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public HostFacts parse(String host, String json) {
        try {
            HostFacts f = JSON.readValue(json, HostFacts.class);
            if (!"facts".equals(f.probe())) {
                throw new FactsException(host + ": the probe's output is not a facts document");
            }
            return f;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FactsException(host + ": cannot read the probe's output: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FactsException(host + ": cannot read the probe's output: " + e.getMessage(), e);
        }
    }

    public PreflightFacts parsePreflight(String host, String json) {
        try {
            PreflightFacts f = JSON.readValue(json, PreflightFacts.class);
            if (!PreflightProbe.ID.equals(f.probe())) {
                throw new FactsException(host + ": the preflight probe's output is not a preflight document");
            }
            return f;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FactsException(host + ": cannot read the preflight probe's output: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FactsException(host + ": cannot read the preflight probe's output: " + e.getMessage(), e);
        }
    }

    /** Facts of either probe as JSON (the simulator prints them). */
    public String write(Object facts) {
        try {
            return JSON.writeValueAsString(facts);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The facts of a host could not be read. */
    public static final class FactsException extends RuntimeException {
        public FactsException(String message) {
            super(message);
        }

        public FactsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
