package io.hvcluster.bench;

import io.hvcluster.estimate.StepWork;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.time.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated host's executor with real hardware's costs on virtual time: before a script reaches the simulated
 * host, its WinRM transport, authentication, powershell.exe start, module imports and the step's own work pass
 * (all from {@link StepWork}, host by host). It counts the PowerShell starts and the HTTP requests hvcluster's WinRM
 * executor would send for the script: the measured count for a trivial script, plus one Send (and its 401) per
 * extra 4 KB of base64 payload and one Receive (and its 401) per heartbeat of a long script. A host that is down
 * costs a refused connection, no PowerShell.
 */
final class CostedExecutor implements ScriptExecutor {

    /** The bootstrap writes a heartbeat to stderr every 10 s, and each one ends a Receive. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final int SEND_CHUNK = 4096;

    private final ScriptExecutor inner;
    private final SimulatedDatacenter datacenter;
    private final StepWork work;
    private final TimeSource time;
    /** Whether enable-hyper-v drains first: known once the plan's reboot decision is (after the executor opened). */
    private final java.util.function.BooleanSupplier drain;
    private final double trivialRequests;
    final AtomicLong powerShellStarts = new AtomicLong();
    /** With bench/run --trace: one line per script, "start +cost host step/phase". */
    final java.util.List<String> trace;
    final AtomicLong requests = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();

    CostedExecutor(ScriptExecutor inner, SimulatedDatacenter datacenter, StepWork work, TimeSource time, java.util.function.BooleanSupplier drain,
            double trivialRequests) {
        this.inner = inner;
        this.datacenter = datacenter;
        this.work = work;
        this.time = time;
        this.drain = drain;
        this.trivialRequests = trivialRequests;
        this.trace = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    }

    @Override
    public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
        // Each probe of a host draws its own time (the first one is the one the bound counts); a host's scripts run
        // one after another, so the count, and the draw, do not depend on thread timing.
        String key = script.host();
        if (script.stepId().equals(io.hvcluster.facts.FactsProbe.ID)) {
            long k = probes.getAndIncrement();
            key = k == 0 ? key : key + "#" + k;
        }
        Duration own = work.work(script.stepId(), script.phase(), key, drain.getAsBoolean());
        int requestCount = requests(script, own);
        Duration cost = work.overhead(script.stepId(), script.phase(), key, requestCount).plus(own);
        try {
            boolean up;
            synchronized (datacenter) {
                up = datacenter.reachable(script.host(), time.now());
            }
            trace.add(time.now() + " " + script.host() + " " + script.stepId() + "/" + script.phase() + (up ? " +" + cost : " (down)"));
            if (up) {
                // The real cost passes first; the simulated host then applies the script and answers at once (its own
                // latencies are zero), so a restart the script asks for starts after the script's real duration.
                pass(cost, script);
            }
            ScriptResult r = inner.run(script, timeout, OutputSink.discard());
            powerShellStarts.incrementAndGet();
            requests.addAndGet(requestCount);
            emit(sink, r);
            return r;
        } catch (ExecutionException e) {
            if (e.kind() == ExecutionException.Kind.UNREACHABLE) {
                requests.incrementAndGet();
            } else {
                powerShellStarts.incrementAndGet();
                requests.addAndGet(requestCount);
            }
            throw e;
        }
    }

    private int requests(Script script, Duration own) {
        long payload = script.text().getBytes(StandardCharsets.UTF_8).length * 4L / 3;
        long extraSends = Math.max(0, (payload + SEND_CHUNK - 1) / SEND_CHUNK - 1);
        long extraReceives = own.toMillis() / HEARTBEAT.toMillis();
        return (int) Math.round(trivialRequests + 2 * (extraSends + extraReceives));
    }

    private void pass(Duration d, Script script) {
        try {
            time.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(script.host(), ExecutionException.Kind.CONNECTION_LOST, "interrupted", e);
        }
    }

    private static void emit(OutputSink sink, ScriptResult r) {
        for (String line : r.stdout().split("\r?\n")) {
            if (!line.isEmpty()) {
                sink.line(OutputSink.Stream.STDOUT, line);
            }
        }
    }

    @Override
    public void close() {
        try {
            inner.close();
        } catch (Exception ignored) {
            // The simulated executor holds nothing to release.
        }
    }
}
