package io.hvcluster.sim.host;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.exec.winrm.WinRmSettings;
import io.hvcluster.time.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs scripts straight on the simulated host's model, in process, without WinRM: for fast orchestration tests.
 * A restart a script schedules takes effect after the script's simulated duration plus the (capped) shutdown
 * delay; while the host is down every run fails with {@link ExecutionException.Kind#UNREACHABLE}, and a script
 * whose host restarts under it fails with {@link ExecutionException.Kind#CONNECTION_LOST}. Like the real bootstrap,
 * a running script sends a heartbeat every {@link WinRmSettings#DEFAULT_HEARTBEAT_INTERVAL} of its simulated run time.
 */
public final class SimulatedExecutor implements ScriptExecutor {

    private final ScriptRunner runner;
    private final String host;
    private final TimeSource clock;

    public SimulatedExecutor(ScriptRunner runner, String host, TimeSource clock) {
        this.runner = runner;
        this.host = host;
        this.clock = clock;
        runner.datacenter().requireHost(host);
    }

    @Override
    public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
        SimulatedDatacenter dc = runner.datacenter();
        Instant start = clock.now();
        ScriptOutcome outcome;
        int bootCount;
        synchronized (dc) {
            dc.settle(start);
            WindowsHost h = dc.requireHost(host);
            if (h.down) {
                throw new ExecutionException(host, ExecutionException.Kind.UNREACHABLE, host + ": WinRM does not answer ("
                        + (h.upAtMillis == null ? "the simulated host is down and does not come back" : "the simulated host is restarting") + ")");
            }
            bootCount = h.bootCount;
            outcome = runner.run(host, script.text(), script.secrets(), start);
            outcome.restartAfter().ifPresent(d ->
                    dc.scheduleRestart(host, start.plus(outcome.duration()).plus(dc.latencies().shutdownDelay(d))));
        }
        if (outcome.duration().compareTo(timeout) > 0) {
            pass(timeout, script, sink);
            throw new ExecutionException(host, ExecutionException.Kind.TIMEOUT, host + ": " + script.stepId()
                    + " ran longer than its timeout of " + timeout.toSeconds() + " s");
        }
        pass(outcome.duration(), script, sink);
        synchronized (dc) {
            dc.settle(clock.now());
            WindowsHost h = dc.requireHost(host);
            if (h.down || h.bootCount != bootCount) {
                throw new ExecutionException(host, ExecutionException.Kind.CONNECTION_LOST, host + ": the connection broke while "
                        + script.stepId() + " ran (the simulated host restarted)");
            }
        }
        emit(sink, OutputSink.Stream.STDOUT, outcome.stdout());
        emit(sink, OutputSink.Stream.STDERR, outcome.stderr());
        return new ScriptResult(outcome.exitCode(), outcome.stdout(), outcome.stderr(), outcome.duration());
    }

    /**
     * The script's simulated run time passes (on virtual time in tests, for real in a live simulation), with a
     * heartbeat at every full interval, as the bootstrap's heartbeat runspace writes one.
     */
    private void pass(Duration d, Script script, OutputSink sink) {
        Duration beat = WinRmSettings.DEFAULT_HEARTBEAT_INTERVAL;
        try {
            Duration left = d;
            while (left.compareTo(beat) >= 0) {
                clock.sleep(beat);
                left = left.minus(beat);
                sink.heartbeat();
            }
            clock.sleep(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(host, ExecutionException.Kind.CONNECTION_LOST, host + ": interrupted while "
                    + script.stepId() + " ran", e);
        }
    }

    private static void emit(OutputSink sink, OutputSink.Stream stream, String text) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\r?\n")) {
            sink.line(stream, line);
        }
    }
}
