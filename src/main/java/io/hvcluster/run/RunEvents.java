package io.hvcluster.run;

import io.hvcluster.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The events a run emits, in the past tense; every text in them is already masked of secrets. */
public final class RunEvents {

    private RunEvents() {
    }

    /**
     * @param runId      the run folder's name
     * @param inventory  the inventory file
     * @param cluster    the cluster name
     * @param hosts      the hosts, in inventory order
     * @param mode       "apply", "plan", "dry-run"
     * @param startedAt  when
     * @param simulated  the hosts are the built-in simulator's, not real ones: every output says so
     */
    public record RunStarted(String runId, String inventory, String cluster, List<String> hosts, String mode, Instant startedAt,
            boolean simulated) {

        /** A run against real hosts (or a dry run). */
        public RunStarted(String runId, String inventory, String cluster, List<String> hosts, String mode, Instant startedAt) {
            this(runId, inventory, cluster, hosts, mode, startedAt, false);
        }
    }

    /** The preflight's findings, before any plan. */
    public record PreflightChecked(io.hvcluster.preflight.PreflightReport report) {
    }

    public record PlanComputed(Plan plan) {
    }

    /** @param phase "apply", "after-reboot" */
    public record StepStarted(String stepId, String host, String phase, Instant at) {
    }

    /**
     * @param status     the outcome
     * @param exitCode   the script's exit code, or -1 when none ran
     * @param changes    what the script reports it changed
     * @param warnings   what the script warned about
     * @param error      the error in one line, or "" on success
     * @param scriptFile the executed script as saved in the run folder, relative to it, or ""
     * @param data       what the script reported beyond its changes, typed ({@link ScriptData#NONE} when none ran)
     */
    public record StepFinished(String stepId, String host, String phase, StepStatus status, int exitCode,
            List<String> changes, List<String> warnings, String error, Duration duration, String scriptFile, ScriptData data) {

        public StepFinished {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Something that happens to a host between steps: a restart requested, waiting, back online, the
     * boot time, errors in the System log.
     *
     * @param kind what happened
     */
    public record HostNotice(String host, NoticeKind kind, String message, Instant at) {
    }

    /**
     * A long wait still going on: a script that has run a while, a host restarting. Throttled by the run
     * ({@link ProgressTicker}), so a listener may show every one.
     *
     * @param stepId   the step it belongs to
     * @param activity what is going on: "running", "restarting", "reconnecting"
     * @param elapsed  since the wait began
     * @param limit    when the run gives up waiting
     */
    public record Progress(String host, String stepId, String activity, Duration elapsed, Duration limit, Instant at) {

        /** "restarting, 4m10s of 30m". */
        public String text() {
            return activity + ", " + WaitText.of(elapsed) + " of " + WaitText.of(limit);
        }
    }

    /** A line of live script output (heartbeats removed). */
    public record OutputLine(String host, String stepId, boolean stderr, String text) {
    }

    /**
     * @param exitCode the process exit code the run maps to
     * @param summary  "12 changed, 17 unchanged, 0 failed, 0 skipped"
     */
    public record RunFinished(int exitCode, String summary, Duration duration, Instant at) {
    }

    /**
     * The checks of {@code hvcluster verify} and, with --burn-in, its operations; sent again as operations complete,
     * each time with everything so far.
     */
    public record Verified(io.hvcluster.verify.VerifyReport report) {
    }
}
