package io.hvcluster.run;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.plan.Planner;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.secrets.SecretMasker;
import io.hvcluster.time.TimeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the pieces of one run share: the inventory, the renderers, the executors (one per host, opened on
 * first use, closed at the end) and the latest facts of every host.
 */
final class RunContext implements AutoCloseable {

    final Inventory inventory;
    final BundleRenderer bundle;
    final HostProbe probe;
    final Planner planner;
    final RunOptions options;
    final RunListener listener;
    final ScriptRecorder recorder;
    final SecretMasker masker;
    /** What the run reads the time from and sleeps on. */
    final TimeSource time;
    private final ExecutorFactory factory;
    private final Map<String, RetryingExecutor> executors = new ConcurrentHashMap<>();
    private final Map<String, HostFacts> facts = new ConcurrentHashMap<>();
    /**
     * How many step runs have changed something so far, and the count each host's latest reading was taken at: a
     * reading taken before another change may no longer show the host (or the cluster it sees) as it is.
     */
    private final AtomicLong changes = new AtomicLong();
    private final Map<String, Long> readAt = new ConcurrentHashMap<>();
    private volatile RebootDecision reboot;
    private volatile PlanContract contract;

    RunContext(Inventory inventory, BundleRenderer bundle, HostProbe probe, Planner planner, RunOptions options,
            RunListener listener, ScriptRecorder recorder, SecretMasker masker, ExecutorFactory factory, TimeSource time) {
        this.inventory = inventory;
        this.bundle = bundle;
        this.probe = probe;
        this.planner = planner;
        this.options = options;
        this.listener = listener;
        this.recorder = recorder;
        this.masker = masker;
        this.factory = factory;
        this.time = time;
    }

    ScriptExecutor executor(Host host) {
        return retrying(host);
    }

    private RetryingExecutor retrying(Host host) {
        return executors.computeIfAbsent(host.name(), n -> new RetryingExecutor(factory.open(host), n, time,
                (h, message) -> listener.hostNotice(new RunEvents.HostNotice(h, NoticeKind.RECONNECTED, masker.mask(message), time.now()))));
    }

    HostFacts reprobe(Host host) {
        return read(host, executor(host));
    }

    /**
     * One reading without the retries, for a restart's wait: it asks again by itself every poll interval, so a probe
     * that meets the host going down is "not back yet", not a fault to retry after 2 s and 4 s (which only delayed
     * noticing the host was back, and printed "lost the connection ... trying again" for an expected restart).
     */
    HostFacts reprobeOnce(Host host) {
        return read(host, retrying(host).once());
    }

    private HostFacts read(Host host, ScriptExecutor executor) {
        long seen = changes.get();
        HostFacts f = probe.probe(host, executor);
        facts.put(host.name(), f);
        readAt.put(host.name(), seen);
        return f;
    }

    /**
     * The host as it is now: its latest reading while nothing has changed anywhere since it was taken, else a
     * fresh one. So a converged run reads each host once, and a build still reads a host again before a step
     * whenever another step (here or on another node: a cluster network appears on every node) changed something.
     */
    HostFacts current(Host host) {
        HostFacts known = facts.get(host.name());
        Long at = readAt.get(host.name());
        if (known != null && at != null && at == changes.get()) {
            return known;
        }
        return reprobe(host);
    }

    /**
     * A step on {@code host} changed something (and was confirmed by reading the host after it). That reading
     * stays current only when no other change happened since it was taken.
     */
    void changed(Host host) {
        long now = changes.incrementAndGet();
        readAt.computeIfPresent(host.name(), (h, at) -> at == now - 1 ? now : at);
    }

    Map<String, HostFacts> facts() {
        return Map.copyOf(facts);
    }

    void setFacts(Map<String, HostFacts> all) {
        long seen = changes.get();
        facts.putAll(all);
        all.keySet().forEach(h -> readAt.put(h, seen));
    }

    PlanContract contract() {
        return contract;
    }

    void setContract(PlanContract confirmed) {
        this.contract = confirmed;
    }

    RebootDecision reboot() {
        return reboot;
    }

    void setReboot(RebootDecision decision) {
        this.reboot = decision;
    }

    @Override
    public void close() {
        for (ScriptExecutor e : executors.values()) {
            try {
                e.close();
            } catch (Exception ignored) {
                // Closing is best effort: a host that went away has nothing left to release.
            }
        }
    }
}
