package io.hvcluster.run;

import io.hvcluster.bundle.RenderedScript;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.FactsParser;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.ChangeText;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.secrets.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One step on one host: re-plan from the latest facts, run the step's scripts when something differs
 * (waiting through a restart where the step asks for one), then probe again and confirm the host converged.
 */
final class HostStepRun {

    private static final Logger LOG = LoggerFactory.getLogger(HostStepRun.class);

    private final RunContext ctx;

    HostStepRun(RunContext ctx) {
        this.ctx = ctx;
    }

    StepStatus run(Step<?> step, int position, Host host) throws InterruptedException {
        MDC.put("host", host.name());
        MDC.put("step", step.id());
        try {
            StepStatus status = runPhases(step, position, host);
            if (status == StepStatus.CHANGED) {
                ctx.changed(host);
                ctx.contract().changedBy(step, host, ctx.facts().get(host.name()));
            }
            return status;
        } finally {
            MDC.remove("host");
            MDC.remove("step");
        }
    }

    private StepStatus runPhases(Step<?> step, int position, Host host) throws InterruptedException {
        HostFacts latest;
        try {
            // The confirmed plan is the contract: read the host again (unless nothing changed anywhere since it was
            // last read) and stop it if it changed behind the plan's back.
            latest = ctx.current(host);
        } catch (ExecutionException | FactsParser.FactsException e) {
            finished(step, host, "apply", StepStatus.FAILED, -1, List.of(), List.of(),
                    "could not read the host before the step: " + ctx.masker.mask(e.getMessage()), Duration.ZERO, "", ScriptData.NONE);
            return StepStatus.FAILED;
        }
        StepPlan now = ctx.planner.recheck(ctx.inventory, ctx.facts(), step, host);
        Optional<String> stale = ctx.contract().stale(step, host, now, latest);
        if (stale.isPresent()) {
            finished(step, host, "apply", StepStatus.FAILED, -1, List.of(), List.of(), ctx.masker.mask(stale.get()), Duration.ZERO, "", ScriptData.NONE);
            return StepStatus.FAILED;
        }
        if (now.inDesiredState()) {
            finished(step, host, "apply", StepStatus.UNCHANGED, -1, List.of(), List.of(), "", Duration.ZERO, "", ScriptData.NONE);
            return StepStatus.UNCHANGED;
        }
        if (now.blocked()) {
            finished(step, host, "apply", StepStatus.FAILED, -1, List.of(), List.of(), String.join("; ", now.problems()),
                    Duration.ZERO, "", ScriptData.NONE);
            return StepStatus.FAILED;
        }
        boolean changed = false;
        boolean restarted = false;
        for (Phase phase : step.phases()) {
            boolean rebootPhaseFollowUp = phase.kind() != Phase.Kind.APPLY;
            if (rebootPhaseFollowUp && !restarted) {
                continue;
            }
            Instant started = ctx.time.now();
            ctx.listener.stepStarted(new RunEvents.StepStarted(step.id(), host.name(), phase.name(), started));
            RenderedScript rs = ctx.bundle.renderOne(ctx.inventory, step, position, phase, host);
            StepOutcome out = execute(step, host, rs, started);
            Duration took = Duration.between(started, ctx.time.now());
            String file = ctx.recorder.save(host.name(), position, step.id(), phase.name(), rs.text(),
                    new ScriptResult(out.exitCode(), out.stdout(), out.stderr(), took));
            if (!out.succeeded()) {
                String error = out.error().isEmpty() ? "exit code " + out.exitCode() : out.error();
                finished(step, host, phase.name(), StepStatus.FAILED, out.exitCode(), out.changes(), out.warnings(), error, took, file, out.data());
                return StepStatus.FAILED;
            }
            changed |= out.changed();
            out.data().resumedNode().ifPresent(node -> ctx.listener.hostNotice(new RunEvents.HostNotice(host.name(), NoticeKind.RESUMED,
                    "resumed " + node + " in the cluster (hvcluster had paused it for a restart)", ctx.time.now())));
            if (phase.rebootsHost() && out.data().rebootRequest().isPresent()) {
                finished(step, host, phase.name(), StepStatus.CHANGED, out.exitCode(), out.changes(), out.warnings(), "", took, file, out.data());
                ctx.listener.hostNotice(new RunEvents.HostNotice(host.name(), NoticeKind.REBOOT_REQUESTED, "restarting to finish " + step.title(), ctx.time.now()));
                try {
                    new RebootWait(ctx).await(host, step, out.data().rebootRequest().get().bootTimeBefore());
                } catch (RebootWait.RebootTimeoutException e) {
                    finished(step, host, Phase.Kind.AFTER_REBOOT.id(), StepStatus.FAILED, -1, List.of(), List.of(), e.getMessage(), Duration.ZERO, "", ScriptData.NONE);
                    return StepStatus.FAILED;
                }
                restarted = true;
                continue;
            }
            if (!out.warnings().isEmpty() && rebootPhaseFollowUp) {
                ctx.listener.hostNotice(new RunEvents.HostNotice(host.name(), NoticeKind.LOG_ERRORS,
                        out.warnings().size() + " warning(s) after the restart: " + out.warnings().get(0), ctx.time.now()));
            }
            StepStatus status;
            try {
                status = confirm(step, host, changed);
            } catch (ExecutionException | FactsParser.FactsException e) {
                // The script finished, but the host could not be read to confirm it (it went away right after): the
                // step is not known to have converged; a re-run reads the host and does only what is left.
                finished(step, host, phase.name(), StepStatus.FAILED, out.exitCode(), out.changes(), out.warnings(),
                        "the step ran, but the host could not be read afterwards to confirm it: " + ctx.masker.mask(e.getMessage()),
                        took, file, out.data());
                return StepStatus.FAILED;
            }
            String error = status == StepStatus.NOT_CONVERGED ? stillDifferent(step, host) : "";
            finished(step, host, phase.name(), status, out.exitCode(), out.changes(), out.warnings(), error, took, file, out.data());
            if (status != StepStatus.CHANGED && status != StepStatus.UNCHANGED) {
                return status;
            }
        }
        return changed ? StepStatus.CHANGED : StepStatus.UNCHANGED;
    }

    /** Probe again: the step converged only if its diff is now empty. */
    private StepStatus confirm(Step<?> step, Host host, boolean changed) {
        if (!step.convergenceCheckable()) {
            return changed ? StepStatus.CHANGED : StepStatus.UNCHANGED;
        }
        ctx.reprobe(host);
        StepPlan after = ctx.planner.recheck(ctx.inventory, ctx.facts(), step, host);
        if (!after.inDesiredState()) {
            return StepStatus.NOT_CONVERGED;
        }
        return changed ? StepStatus.CHANGED : StepStatus.UNCHANGED;
    }

    private String stillDifferent(Step<?> step, Host host) {
        StepPlan after = ctx.planner.recheck(ctx.inventory, ctx.facts(), step, host);
        List<String> all = new ArrayList<>(after.changes().stream().map(ChangeText::line).toList());
        all.addAll(after.problems());
        return "the step reported success but the host still differs: " + String.join("; ", all);
    }

    private StepOutcome execute(Step<?> step, Host host, RenderedScript rs, Instant started) throws InterruptedException {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (String name : step.secrets()) {
            Secret s = ctx.options.secrets().get(name);
            if (s != null) {
                secrets.put(name, s);
            }
        }
        Script script = new Script(host.name(), step.id(), rs.phase().name(), rs.fileName(), rs.text(), secrets);
        ProgressTicker running = new ProgressTicker(ctx.time, ctx.listener, host.name(), step.id(), "running", ctx.options.stepTimeout());
        OutputSink live = new OutputSink() {
            @Override
            public void line(Stream stream, String text) {
                ctx.listener.output(new RunEvents.OutputLine(host.name(), step.id(), stream == Stream.STDERR, ShownOutputLine.of(ctx.masker.mask(text))));
                running.tick();
            }

            @Override
            public void heartbeat() {
                running.tick();
            }
        };
        try {
            return outcome(ctx.executor(host).run(script, ctx.options.stepTimeout(), live));
        } catch (ExecutionException e) {
            if (e.kind() != ExecutionException.Kind.CONNECTION_LOST) {
                return failure(ctx.masker.mask(e.getMessage()));
            }
            // A blip (a switch taking over a NIC) or a restart: wait until the host answers, within the step's own
            // timeout, then let the facts decide. The scripts are idempotent, so running one again is safe.
            Optional<String> gone = awaitReachable(host, step, e, started);
            if (gone.isPresent()) {
                return failure(gone.get());
            }
            StepPlan now = ctx.planner.recheck(ctx.inventory, ctx.facts(), step, host);
            if (now.inDesiredState()) {
                return new StepOutcome(0, true, List.of("(confirmed by probing after the connection came back)"), List.of(),
                        ScriptData.NONE, "", "", "");
            }
            try {
                return outcome(ctx.executor(host).run(script, ctx.options.stepTimeout(), OutputSink.discard()));
            } catch (ExecutionException again) {
                return failure(ctx.masker.mask(again.getMessage()));
            }
        }
    }

    /** The longest wait between two tries while a host does not answer after a lost connection. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    /** How often a wait says it is still waiting. */
    static final Duration PROGRESS_EVERY = Duration.ofMinutes(1);

    /**
     * After a connection was lost mid-step: asks the host again with backoff (2 s, doubling, at most a minute) until it
     * answers, within the step's own timeout (and at most --reboot-timeout), saying what it waits for about once a minute.
     *
     * @return empty once the host answered (its facts read again), else the failure to report
     */
    private Optional<String> awaitReachable(Host host, Step<?> step, ExecutionException lost, Instant started) throws InterruptedException {
        Instant now = ctx.time.now();
        Instant stepEnds = started.plus(ctx.options.stepTimeout());
        Instant rebootEnds = now.plus(ctx.options.rebootTimeout());
        Instant deadline = stepEnds.isBefore(rebootEnds) ? stepEnds : rebootEnds;
        String bound = RebootWait.human(Duration.between(now, deadline)) + (stepEnds.isBefore(rebootEnds)
                ? " (what is left of the step's timeout, --step-timeout)" : " (--reboot-timeout)");
        notice(host, NoticeKind.RECONNECTED, "connection lost during " + step.id() + " (" + ctx.masker.mask(lost.getMessage())
                + "); waiting for " + host.name() + " to answer WinRM again, for up to " + bound);
        Duration wait = Duration.ofSeconds(2);
        Instant nextProgress = now.plus(PROGRESS_EVERY);
        String last = ctx.masker.mask(lost.getMessage());
        while (true) {
            Duration left = Duration.between(ctx.time.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            ctx.time.sleep(wait.compareTo(left) < 0 ? wait : left);
            try {
                ctx.reprobe(host);
                notice(host, NoticeKind.BACK_ONLINE, "answers again after " + RebootWait.human(Duration.between(now, ctx.time.now()))
                        + "; reading its state to see whether " + step.id() + " finished");
                return Optional.empty();
            } catch (RuntimeException e) {
                last = ctx.masker.mask(e.getMessage());
                LOG.debug("{} not back yet: {}", host.name(), last);
            }
            if (!ctx.time.now().isBefore(nextProgress)) {
                notice(host, NoticeKind.WAITING, "still waiting for " + host.name() + " to answer WinRM after the connection was lost during "
                        + step.id() + ": " + RebootWait.human(Duration.between(now, ctx.time.now())) + " of " + RebootWait.human(Duration.between(now, deadline))
                        + " (last: " + last + ")");
                nextProgress = ctx.time.now().plus(PROGRESS_EVERY);
            }
            wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
        }
        return Optional.of(host.name() + " did not answer WinRM again within " + bound + " after the connection was lost during "
                + step.id() + " (last: " + last + ") — check that the host is up and reachable on its management address; whether "
                + step.id() + " finished is unknown: a re-run reads the host and does only what is left");
    }

    private void notice(Host host, NoticeKind kind, String message) {
        ctx.listener.hostNotice(new RunEvents.HostNotice(host.name(), kind, message, ctx.time.now()));
    }

    private StepOutcome outcome(ScriptResult r) {
        return new ScriptResults(ctx.masker).parse(r);
    }

    private static StepOutcome failure(String message) {
        return new StepOutcome(-1, false, List.of(), List.of(), ScriptData.NONE, message, "", "");
    }

    private void finished(Step<?> step, Host host, String phase, StepStatus status, int exit, List<String> changes,
            List<String> warnings, String error, Duration took, String file, ScriptData data) {
        ctx.listener.stepFinished(new RunEvents.StepFinished(step.id(), host.name(), phase, status, exit, changes, warnings,
                error, took, file, data));
    }
}
