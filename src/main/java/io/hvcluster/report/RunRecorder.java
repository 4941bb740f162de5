package io.hvcluster.report;

import io.hvcluster.plan.Plan;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gathers a run's events (from any thread) into a {@link RunReport}. */
final class RunRecorder {

    private final StepTitles titles;
    private RunEvents.RunStarted started;
    private Plan plan;
    private final Map<String, List<RunEvents.StepFinished>> finished = new LinkedHashMap<>();
    private final List<String> stepIdsSeen = new ArrayList<>();
    private final List<RunEvents.HostNotice> notices = new ArrayList<>();
    /** Run-folder copies of validation reports, by host and path on the node. */
    private final Map<String, String> reportCopies = new java.util.HashMap<>();
    private io.hvcluster.preflight.PreflightReport preflight;
    private String inventorySha256 = "";
    private io.hvcluster.verify.VerifyReport verify;

    RunRecorder(StepTitles titles) {
        this.titles = titles;
    }

    /** Hashes the inventory now, at the start: the file the run read, not whatever it became later. */
    synchronized void started(RunEvents.RunStarted e) {
        started = e;
        inventorySha256 = FileDigest.sha256(e.inventory());
    }

    synchronized void plan(Plan p) {
        plan = p;
        p.steps().forEach(s -> seen(s.stepId()));
    }

    synchronized void stepStarted(RunEvents.StepStarted e) {
        seen(e.stepId());
    }

    synchronized void stepFinished(RunEvents.StepFinished e) {
        seen(e.stepId());
        finished.computeIfAbsent(key(e.stepId(), e.host()), k -> new ArrayList<>()).add(e);
    }

    /** The run folder keeps a copy of {@code report} (the path on {@code host}) at {@code file}. */
    synchronized void reportCopied(String host, String report, String file) {
        reportCopies.put(key(host, report), file);
    }

    synchronized void preflight(io.hvcluster.preflight.PreflightReport report) {
        preflight = report;
    }

    synchronized void verified(io.hvcluster.verify.VerifyReport report) {
        verify = report;
    }

    synchronized void notice(RunEvents.HostNotice e) {
        notices.add(e);
    }

    synchronized RunReport report(RunEvents.RunFinished end) {
        return report(end, RunOrigin.unknown(), List.of());
    }

    /** @param scripts the run folder's archived scripts, hashed */
    synchronized RunReport report(RunEvents.RunFinished end, RunOrigin origin, List<RunReport.ScriptHash> scripts) {
        List<String> hosts = new ArrayList<>(started == null ? List.of() : started.hosts());
        for (List<RunEvents.StepFinished> list : finished.values()) {
            list.forEach(f -> addIfAbsent(hosts, f.host()));
        }
        if (plan != null) {
            plan.steps().forEach(s -> addIfAbsent(hosts, s.host()));
        }
        String mode = started == null ? "" : started.mode();
        Map<String, Integer> counts = new LinkedHashMap<>();
        RunReport.STATUS_KEYS.forEach(k -> counts.put(k, 0));
        List<RunReport.StepRow> rows = new ArrayList<>();
        List<RunReport.Validation> validations = new ArrayList<>();
        for (String stepId : titles.order(stepIdsSeen)) {
            List<RunReport.Cell> cells = new ArrayList<>();
            for (String host : hosts) {
                List<RunEvents.StepFinished> phases = finished.getOrDefault(key(stepId, host), List.of());
                StepPlan planned = planned(stepId, host);
                if (phases.isEmpty() && planned == null) {
                    continue;
                }
                RunReport.Cell cell = new RunReport.Cell(host, status(phases, planned, mode), total(phases), phases, planned);
                counts.merge(cell.status(), 1, Integer::sum);
                cells.add(cell);
                phases.forEach(f -> validation(f).ifPresent(validations::add));
            }
            rows.add(new RunReport.StepRow(stepId, titles.title(stepId), cells));
        }
        Instant startedAt = started == null ? null : started.startedAt();
        // The run's duration is from its start (facts, preflight and plan included), not only the apply phase's.
        Duration duration = startedAt == null || end.at() == null ? end.duration() : Duration.between(startedAt, end.at());
        return new RunReport(started == null ? "" : started.runId(), started == null ? "" : started.inventory(),
                started == null ? "" : started.cluster(), hosts, mode, startedAt, end.at(), duration,
                end.exitCode(), end.summary(), plan == null ? null : plan.reboot(),
                plan == null ? "" : plan.summary(), rows, notices, validations, counts, preflight,
                started != null && started.simulated(),
                new RunReport.ChangeRecord(origin, inventorySha256, scripts, plannedRestarts()), verify);
    }

    /*
     * A host restarts in a step whose phase restarts it, when the plan has something to change there (a host
     * already in the desired state is not restarted). Rolling: one host after the other, in plan order.
     * Parallel: every such host at once (order 1).
     */
    private List<RunReport.PlannedRestart> plannedRestarts() {
        List<RunReport.PlannedRestart> out = new ArrayList<>();
        if (plan == null) {
            return out;
        }
        boolean parallel = plan.reboot() != null && plan.reboot().parallel();
        String strategy = parallel ? "parallel" : "rolling";
        for (String stepId : titles.order(stepIdsSeen)) {
            if (!titles.restartsHost(stepId)) {
                continue;
            }
            int order = 0;
            for (StepPlan s : plan.steps()) {
                if (s.stepId().equals(stepId) && !s.inDesiredState()) {
                    order = parallel ? 1 : order + 1;
                    out.add(new RunReport.PlannedRestart(order, s.host(), stepId, titles.title(stepId), strategy));
                }
            }
        }
        return out;
    }

    /*
     * The last phase decides (after-reboot confirms or fails what apply began), except that a change made
     * by an earlier phase is not hidden by a later "unchanged".
     */
    private static String status(List<RunEvents.StepFinished> phases, StepPlan planned, String mode) {
        if (phases.isEmpty()) {
            if (mode.equals("plan")) {
                return StatusLabel.key(planned.inDesiredState() ? StepStatus.UNCHANGED : StepStatus.PLANNED);
            }
            return StatusLabel.NOT_RUN;
        }
        StepStatus last = phases.get(phases.size() - 1).status();
        if (last == StepStatus.UNCHANGED && phases.stream().anyMatch(f -> f.status() == StepStatus.CHANGED)) {
            return StatusLabel.key(StepStatus.CHANGED);
        }
        return StatusLabel.key(last);
    }

    private static Duration total(List<RunEvents.StepFinished> phases) {
        return phases.stream().map(f -> f.duration() == null ? Duration.ZERO : f.duration()).reduce(Duration.ZERO, Duration::plus);
    }

    private StepPlan planned(String stepId, String host) {
        if (plan == null) {
            return null;
        }
        return plan.steps().stream().filter(s -> s.stepId().equals(stepId) && s.host().equals(host)).findFirst().orElse(null);
    }

    /** Where a step ran Test-Cluster: its report and result flags. */
    private Optional<RunReport.Validation> validation(RunEvents.StepFinished f) {
        return f.data() == null ? Optional.empty() : f.data().validation()
                .map(v -> new RunReport.Validation(f.host(), f.stepId(), v.report(), v.flags(),
                        reportCopies.getOrDefault(key(f.host(), v.report()), "")));
    }

    private void seen(String stepId) {
        addIfAbsent(stepIdsSeen, stepId);
    }

    private static void addIfAbsent(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static String key(String stepId, String host) {
        return stepId + "\u0000" + host;
    }
}
