package io.hvcluster.run;

import io.hvcluster.time.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * The progress lines of one long wait on one host ("HV02 restarting, 4m10s of 30m"), throttled on the run's time
 * source so that a log that is not a terminal stays readable: nothing for the first 30 seconds (short waits stay
 * silent), then one line every 30 s up to 5 minutes, every minute up to 15 minutes, then every 5 minutes. A
 * 60-minute Test-Cluster thus makes 29 lines, a 3-minute restart 5. Fed by whatever shows the wait is still on:
 * the script's heartbeats and output, a restart wait's polls.
 */
final class ProgressTicker {

    static final Duration FIRST = Duration.ofSeconds(30);

    private final TimeSource time;
    private final RunListener listener;
    private final String host;
    private final String stepId;
    private final String activity;
    private final Duration limit;
    private final Instant start;
    private Duration due = FIRST;

    ProgressTicker(TimeSource time, RunListener listener, String host, String stepId, String activity, Duration limit) {
        this.time = time;
        this.listener = listener;
        this.host = host;
        this.stepId = stepId;
        this.activity = activity;
        this.limit = limit;
        this.start = time.now();
    }

    /** A sign that the wait goes on: emits a progress event when one is due. */
    void tick() {
        Instant now = time.now();
        Duration elapsed = Duration.between(start, now);
        synchronized (this) {
            if (elapsed.compareTo(due) < 0) {
                return;
            }
            while (due.compareTo(elapsed) <= 0) {
                due = due.plus(interval(due));
            }
        }
        listener.progress(new RunEvents.Progress(host, stepId, activity, elapsed, limit, now));
    }

    /** The gap after a line at {@code elapsed}: 30 s, then 1 min from 5 min on, then 5 min from 15 min on. */
    static Duration interval(Duration elapsed) {
        if (elapsed.compareTo(Duration.ofMinutes(5)) < 0) {
            return Duration.ofSeconds(30);
        }
        return elapsed.compareTo(Duration.ofMinutes(15)) < 0 ? Duration.ofMinutes(1) : Duration.ofMinutes(5);
    }
}
