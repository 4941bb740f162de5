package io.hvcluster.sim.winrm;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what one endpoint was asked, for benchmarks and tests (requests per command, 401 round trips). */
public final class RequestStatistics {

    private final AtomicLong httpRequests = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();
    private final AtomicLong failedLogons = new AtomicLong();
    private final Map<String, AtomicLong> operations = new ConcurrentHashMap<>();

    void httpRequest() {
        httpRequests.incrementAndGet();
    }

    void unauthorized() {
        unauthorized.incrementAndGet();
    }

    /** Credentials were presented and refused: what Windows records as a failed logon (event 4625). */
    void failedLogon() {
        failedLogons.incrementAndGet();
    }

    /** Failed logons so far (a 401 challenge to a request without credentials is not one). */
    public long failedLogons() {
        return failedLogons.get();
    }

    void operation(String action) {
        String name = action == null ? "?" : action.substring(action.lastIndexOf('/') + 1);
        operations.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    public Snapshot snapshot() {
        Map<String, Long> ops = new TreeMap<>();
        operations.forEach((k, v) -> ops.put(k, v.get()));
        return new Snapshot(httpRequests.get(), unauthorized.get(), ops);
    }

    public void reset() {
        httpRequests.set(0);
        unauthorized.set(0);
        failedLogons.set(0);
        operations.clear();
    }

    /**
     * @param httpRequests every HTTP request received, 401 challenges included
     * @param unauthorized requests answered with 401
     * @param operations   authenticated SOAP requests by operation (Create, Command, Send, Receive, Signal, Delete)
     */
    public record Snapshot(long httpRequests, long unauthorized, Map<String, Long> operations) {

        public Snapshot {
            operations = Map.copyOf(operations);
        }

        public long operation(String name) {
            return operations.getOrDefault(name, 0L);
        }
    }
}
