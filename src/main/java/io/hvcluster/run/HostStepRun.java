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
            StepOutcome out = execute(step, host, rs);
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
            StepStatus status = confirm(step, host, changed);
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

    private StepOutcome execute(Step<?> step, Host host, RenderedScript rs) throws InterruptedException {
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
            // A blip (a switch taking over a NIC) or a restart: wait until the host answers, then let the facts
            // decide. The scripts are idempotent, so running one again is safe.
            ctx.listener.hostNotice(new RunEvents.HostNotice(host.name(), NoticeKind.RECONNECTED,
                    "connection lost during " + step.id() + "; reconnecting", ctx.time.now()));
            if (!awaitReachable(host, step)) {
                return failure(host.name() + " did not answer again within " + RebootWait.human(ctx.options.rebootTimeout()));
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

    private boolean awaitReachable(Host host, Step<?> step) throws InterruptedException {
        Instant deadline = ctx.time.now().plus(ctx.options.rebootTimeout());
        ProgressTicker reconnecting = new ProgressTicker(ctx.time, ctx.listener, host.name(), step.id(), "reconnecting", ctx.options.rebootTimeout());
        while (ctx.time.now().isBefore(deadline)) {
            ctx.time.sleep(ctx.options.pollInterval());
            reconnecting.tick();
            try {
                ctx.reprobe(host);
                return true;
            } catch (RuntimeException e) {
                LOG.debug("{} not back yet: {}", host.name(), ctx.masker.mask(e.getMessage()));
            }
        }
        return false;
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
