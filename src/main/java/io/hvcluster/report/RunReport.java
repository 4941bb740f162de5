package io.hvcluster.report;

import io.hvcluster.plan.RebootDecision;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything report.json and report.html show about one run, gathered from its events.
 *
 * @param reboot      the reboot policy from the plan, or null when no plan was computed
 * @param planSummary "3 to change, 41 in desired state", or "" without a plan
 * @param steps       the host × step matrix, one row per step in pipeline order
 * @param notices     host notices in the order they happened
 * @param validations Test-Cluster reports found in step data
 * @param counts      how many cells ended in each status, by status key; every key present
 * @param simulated   the hosts were the built-in simulator's: the report says so at the top
 * @param change      what a change board asks: who ran it, from where, with what, and which hosts restart
 * @param verify      what {@code hvcluster verify} found and its burn-in did, or null for other commands
 */
public record RunReport(String runId, String inventory, String cluster, List<String> hosts, String mode,
        Instant startedAt, Instant finishedAt, Duration duration, int exitCode, String summary,
        RebootDecision reboot, String planSummary, List<StepRow> steps, List<RunEvents.HostNotice> notices,
        List<Validation> validations, Map<String, Integer> counts, io.hvcluster.preflight.PreflightReport preflight,
        boolean simulated, ChangeRecord change, io.hvcluster.verify.VerifyReport verify) {

    /** A run that is not a verify. */
    public RunReport(String runId, String inventory, String cluster, List<String> hosts, String mode,
            Instant startedAt, Instant finishedAt, Duration duration, int exitCode, String summary,
            RebootDecision reboot, String planSummary, List<StepRow> steps, List<RunEvents.HostNotice> notices,
            List<Validation> validations, Map<String, Integer> counts, io.hvcluster.preflight.PreflightReport preflight,
            boolean simulated, ChangeRecord change) {
        this(runId, inventory, cluster, hosts, mode, startedAt, finishedAt, duration, exitCode, summary, reboot, planSummary, steps,
                notices, validations, counts, preflight, simulated, change, null);
    }

    /** A run with no change record (nothing known about who ran it). */
    public RunReport(String runId, String inventory, String cluster, List<String> hosts, String mode,
            Instant startedAt, Instant finishedAt, Duration duration, int exitCode, String summary,
            RebootDecision reboot, String planSummary, List<StepRow> steps, List<RunEvents.HostNotice> notices,
            List<Validation> validations, Map<String, Integer> counts, io.hvcluster.preflight.PreflightReport preflight,
            boolean simulated) {
        this(runId, inventory, cluster, hosts, mode, startedAt, finishedAt, duration, exitCode, summary, reboot, planSummary, steps,
                notices, validations, counts, preflight, simulated, ChangeRecord.EMPTY);
    }

    /** A run against real hosts. */
    public RunReport(String runId, String inventory, String cluster, List<String> hosts, String mode,
            Instant startedAt, Instant finishedAt, Duration duration, int exitCode, String summary,
            RebootDecision reboot, String planSummary, List<StepRow> steps, List<RunEvents.HostNotice> notices,
            List<Validation> validations, Map<String, Integer> counts, io.hvcluster.preflight.PreflightReport preflight) {
        this(runId, inventory, cluster, hosts, mode, startedAt, finishedAt, duration, exitCode, summary, reboot, planSummary, steps,
                notices, validations, counts, preflight, false);
    }

    public RunReport {
        hosts = List.copyOf(hosts);
        steps = List.copyOf(steps);
        notices = List.copyOf(notices);
        validations = List.copyOf(validations);
        counts = Map.copyOf(counts);
        change = change == null ? ChangeRecord.EMPTY : change;
    }

    /**
     * The change board's view of a run.
     *
     * @param origin          tool version, OS user, WinRM account, machine
     * @param inventorySha256 SHA-256 of the inventory file as read at the start, or "" when it could not be read
     * @param scripts         every script archived in the run folder, hashed as written (masked), by path
     * @param restarts        the planned restarts in the order they happen
     */
    public record ChangeRecord(RunOrigin origin, String inventorySha256, List<ScriptHash> scripts, List<PlannedRestart> restarts) {

        public static final ChangeRecord EMPTY = new ChangeRecord(RunOrigin.unknown(), "", List.of(), List.of());

        public ChangeRecord {
            origin = origin == null ? RunOrigin.unknown() : origin;
            inventorySha256 = inventorySha256 == null ? "" : inventorySha256;
            scripts = List.copyOf(scripts);
            restarts = List.copyOf(restarts);
        }
    }

    /** One archived script: its path relative to the run folder (forward slashes) and its SHA-256. */
    public record ScriptHash(String path, String sha256) {
    }

    /**
     * One host restart the plan calls for.
     *
     * @param order    1, 2, 3… one host after the other when rolling; every host shares order 1 when parallel
     * @param strategy "rolling" or "parallel", from the plan's reboot decision
     */
    public record PlannedRestart(int order, String host, String stepId, String title, String strategy) {
    }

    /** One step: its cells, only for the hosts it ran on or was planned for (cluster steps use one node). */
    public record StepRow(String stepId, String title, List<Cell> cells) {

        public StepRow {
            cells = List.copyOf(cells);
        }

        public Cell cell(String host) {
            return cells.stream().filter(c -> c.host().equals(host)).findFirst().orElse(null);
        }
    }

    /**
     * One step on one host.
     *
     * @param status   a {@link StepStatus} key ("not-converged") or "not-run"
     * @param phases   every StepFinished for it, in order ("apply", then "after-reboot")
     * @param planned  what the plan said, or null
     */
    public record Cell(String host, String status, Duration duration, List<RunEvents.StepFinished> phases, StepPlan planned) {

        public Cell {
            phases = List.copyOf(phases);
        }
    }

    /**
     * A validation report a step put in its data: where it is on the node, its result flags (none for
     * New-Cluster's) and its copy in the run folder ("" when none was copied).
     */
    public record Validation(String host, String stepId, String report, List<String> flags, String file) {

        public Validation {
            flags = List.copyOf(flags);
            file = file == null ? "" : file;
        }

        public Validation(String host, String stepId, String report, List<String> flags) {
            this(host, stepId, report, flags, "");
        }
    }

    /** Status keys in the order the legend and the counts list them. */
    public static final List<String> STATUS_KEYS = List.of(
            StatusLabel.key(StepStatus.CHANGED), StatusLabel.key(StepStatus.UNCHANGED),
            StatusLabel.key(StepStatus.FAILED), StatusLabel.key(StepStatus.NOT_CONVERGED),
            StatusLabel.key(StepStatus.SKIPPED), StatusLabel.key(StepStatus.PLANNED), StatusLabel.NOT_RUN);
}
