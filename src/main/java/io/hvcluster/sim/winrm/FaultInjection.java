package io.hvcluster.sim.winrm;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults and latency one simulated host injects, changeable while it runs (tests and benchmarks). Refusing
 * connections and rebooting are on {@link SimulatedEndpoint} because they close the listening socket.
 */
public final class FaultInjection {

    private volatile Duration requestLatency = Duration.ZERO;
    private volatile Duration powerShellStartLatency = Duration.ZERO;
    private volatile Duration commandSilence = Duration.ZERO;
    private volatile boolean rejectAllCredentials;
    private final AtomicInteger failingRequests = new AtomicInteger();

    /** Every authenticated request waits this long before it is handled (network plus WinRM service time). */
    public FaultInjection requestLatency(Duration latency) {
        this.requestLatency = nonNegative(latency);
        return this;
    }

    /** Every {@code powershell.exe} waits this long before its script starts (process start, .NET load). */
    public FaultInjection powerShellStartLatency(Duration latency) {
        this.powerShellStartLatency = nonNegative(latency);
        return this;
    }

    /**
     * Commands started from now on write nothing for this long before they run (bootstrap runs still write
     * heartbeats, which is how they survive a Receive timeout); {@link Duration#ZERO} turns it off.
     */
    public FaultInjection commandSilence(Duration silence) {
        this.commandSilence = nonNegative(silence);
        return this;
    }

    /** Answer 401 to every request, even with the right credentials (a changed password, a disabled account). */
    public FaultInjection rejectAllCredentials(boolean reject) {
        this.rejectAllCredentials = reject;
        return this;
    }

    /** Answer the next {@code count} authenticated requests with an HTTP 500 SOAP fault. */
    public FaultInjection failNextRequests(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        failingRequests.set(count);
        return this;
    }

    /** Back to a well-behaved host. */
    public FaultInjection clear() {
        requestLatency = Duration.ZERO;
        powerShellStartLatency = Duration.ZERO;
        commandSilence = Duration.ZERO;
        rejectAllCredentials = false;
        failingRequests.set(0);
        return this;
    }

    Duration requestLatency() {
        return requestLatency;
    }

    Duration powerShellStartLatency() {
        return powerShellStartLatency;
    }

    Duration commandSilence() {
        return commandSilence;
    }

    boolean rejectAllCredentials() {
        return rejectAllCredentials;
    }

    /** Consumes one injected failure if any is left. */
    boolean takeFailure() {
        return failingRequests.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private static Duration nonNegative(Duration d) {
        Objects.requireNonNull(d);
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + d);
        }
        return d;
    }
}
