package io.hvcluster.report;

import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.run.NoticeKind;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunListener;
import io.hvcluster.run.StepStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Live progress for a person watching (stderr in the CLI). One line when a step starts and one when it ends
 * on a host, host notices as they happen, a line now and then while a long wait goes on, script output only when verbose, warnings and failures only when
 * quiet. Events come from several host threads: each event's lines are written under one lock and
 * flushed together, so lines of two hosts never interleave.
 */
public final class ConsoleReporter implements RunListener {

    public enum Verbosity {
        QUIET, NORMAL, VERBOSE;

        public static Verbosity of(boolean quiet, boolean verbose) {
            return quiet ? QUIET : verbose ? VERBOSE : NORMAL;
        }
    }

    /**
     * @param color    ANSI colours: only when the writer is a terminal and NO_COLOR is unset
     * @param showPlan print the plan when it is computed (off for `plan`, which prints it on stdout)
     */
    public record Options(Verbosity verbosity, boolean color, boolean showPlan) {
    }

    private static final int STATUS_WIDTH = "not converged".length();

    private final PrintWriter out;
    private final Options options;
    private final Ansi ansi;
    private final PlanPrinter planPrinter;
    private final Map<String, String> restarting = new HashMap<>();
    private int hostWidth;
    private java.time.Instant startedAt;
    private boolean simulated;
    private final int stepWidth;

    public ConsoleReporter(PrintWriter out, Options options, StepTitles titles) {
        this.out = out;
        this.options = options;
        this.ansi = new Ansi(options.color());
        this.planPrinter = new PlanPrinter(titles, options.color());
        this.stepWidth = titles.widestId();
    }

    @Override
    public synchronized void runStarted(RunEvents.RunStarted e) {
        hostWidth = e.hosts().stream().mapToInt(String::length).max().orElse(0);
        startedAt = e.startedAt();
        simulated = e.simulated();
        if (quiet()) {
            return;
        }
        emit(List.of((e.simulated() ? ansi.bold("SIMULATED") + " " : "") + ansi.bold("hvcluster " + e.mode()) + ": cluster " + e.cluster() + ", " + e.hosts().size()
                + (e.hosts().size() == 1 ? " host" : " hosts") + " (" + String.join(", ", e.hosts()) + "), inventory "
                + e.inventory() + ", run " + e.runId()));
    }

    @Override
    public synchronized void planComputed(RunEvents.PlanComputed e) {
        if (!options.showPlan()) {
            return;
        }
        if (quiet()) {
            List<String> problems = new ArrayList<>();
            for (StepPlan s : e.plan().steps()) {
                s.problems().forEach(p -> problems.add(prefix(s.host(), s.stepId()) + ansi.red("! " + p)));
            }
            emit(problems);
            return;
        }
        List<String> lines = new ArrayList<>(planPrinter.lines(e.plan()));
        lines.add("");
        emit(lines);
    }

    @Override
    public synchronized void stepStarted(RunEvents.StepStarted e) {
        if (quiet()) {
            return;
        }
        emit(List.of(prefix(e.host(), label(e.stepId(), e.phase())) + "started"));
    }

    @Override
    public synchronized void output(RunEvents.OutputLine e) {
        if (options.verbosity() != Verbosity.VERBOSE) {
            return;
        }
        emit(List.of(prefix(e.host(), e.stepId()) + (e.stderr() ? ansi.red("2> " + e.text()) : "> " + e.text())));
    }

    @Override
    public synchronized void stepFinished(RunEvents.StepFinished e) {
        boolean problem = StatusLabel.isProblem(e.status());
        if (quiet() && !problem && e.warnings().isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        String status = PlanPrinter.pad(StatusLabel.words(e.status()), STATUS_WIDTH);
        String duration = e.status() == StepStatus.SKIPPED ? "" : "  " + DurationText.of(orZero(e.duration()));
        lines.add(stripEnd(prefix(e.host(), label(e.stepId(), e.phase())) + ansi.status(e.status(), status) + duration));
        String indent = " ".repeat(hostWidth + 4);
        if (options.verbosity() == Verbosity.VERBOSE) {
            e.changes().forEach(c -> lines.add(indent + "+ " + c));
        }
        e.warnings().forEach(w -> lines.add(indent + ansi.yellow("warning: " + w)));
        if (!e.error().isEmpty()) {
            lines.add(indent + ansi.red("error: " + e.error()));
        }
        if (problem && !e.scriptFile().isEmpty()) {
            lines.add(indent + "script: " + e.scriptFile());
        }
        emit(lines);
    }

    @Override
    public synchronized void hostNotice(RunEvents.HostNotice e) {
        boolean alarming = e.kind().alarming();
        if (quiet() && !alarming) {
            return;
        }
        String message = e.message();
        if (e.kind() == NoticeKind.REBOOT_REQUESTED) {
            restarting.put(e.host(), e.message());
        } else if (e.kind() == NoticeKind.BACK_ONLINE && restarting.containsKey(e.host())) {
            // Completes the restart's line, so one line tells the whole story ("restarting… back after 1m12s").
            message = restarting.remove(e.host()) + " " + e.message();
        }
        emit(List.of(PlanPrinter.pad(e.host(), hostWidth) + "  " + (alarming ? ansi.red(message) : message)));
    }

    /** A long wait's throttled progress ("HV02  enable-hyper-v  restarting, 4m10s of 30m"); -q leaves it out. */
    @Override
    public synchronized void progress(RunEvents.Progress e) {
        if (quiet()) {
            return;
        }
        emit(List.of(prefix(e.host(), e.stepId()) + e.text()));
    }

    @Override
    public synchronized void runFinished(RunEvents.RunFinished e) {
        // The summary is printed even with -q: it is the one line a quiet run owes.
        Duration took = startedAt != null && e.at() != null ? Duration.between(startedAt, e.at()) : orZero(e.duration());
        String line = (simulated ? "SIMULATED: " : "") + "Done in " + DurationText.of(took) + ": " + e.summary()
                + " (exit " + e.exitCode() + ")";
        emit(List.of(e.exitCode() == 0 ? ansi.bold(line) : ansi.red(line)));
    }

    private boolean quiet() {
        return options.verbosity() == Verbosity.QUIET;
    }

    private String prefix(String host, String label) {
        return PlanPrinter.pad(host, hostWidth) + "  " + PlanPrinter.pad(label, stepWidth) + "  ";
    }

    private static String label(String stepId, String phase) {
        return phase == null || phase.isEmpty() || phase.equals("apply") ? stepId : stepId + "/" + phase;
    }

    private void emit(List<String> lines) {
        lines.forEach(out::println);
        out.flush();
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    private static String stripEnd(String s) {
        return s.stripTrailing();
    }
}
