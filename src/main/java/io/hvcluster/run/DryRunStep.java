package io.hvcluster.run;

import io.hvcluster.bundle.RenderedScript;
import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.inventory.Host;
import io.hvcluster.pipeline.Phase;
import io.hvcluster.pipeline.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One step on one host in a dry run: every phase's script (the after-restart check too, since a live run
 * cannot know in advance whether the host restarts) goes to the executor, which writes it instead of running
 * it. Nothing is known about the host, so the step is reported as planned, never as changed or unchanged.
 * Scripts carry no secrets in their text, and none are handed over.
 */
final class DryRunStep {

    private final RunContext ctx;

    DryRunStep(RunContext ctx) {
        this.ctx = ctx;
    }

    StepStatus run(Step<?> step, int position, Host host) {
        for (Phase phase : step.phases()) {
            Instant started = ctx.time.now();
            ctx.listener.stepStarted(new RunEvents.StepStarted(step.id(), host.name(), phase.name(), started));
            RenderedScript rs = ctx.bundle.renderOne(ctx.inventory, step, position, phase, host);
            Script script = new Script(host.name(), step.id(), phase.name(), rs.fileName(), rs.text());
            ScriptResult r;
            try {
                r = ctx.executor(host).run(script, ctx.options.stepTimeout(), OutputSink.discard());
            } catch (ExecutionException e) {
                finished(step, host, phase, StepStatus.FAILED, ctx.masker.mask(e.getMessage()), "", started);
                return StepStatus.FAILED;
            }
            String file = ctx.recorder.save(host.name(), position, step.id(), phase.name(), rs.text(), r);
            finished(step, host, phase, StepStatus.PLANNED, "", file, started);
        }
        return StepStatus.PLANNED;
    }

    private void finished(Step<?> step, Host host, Phase phase, StepStatus status, String error, String file, Instant started) {
        ctx.listener.stepFinished(new RunEvents.StepFinished(step.id(), host.name(), phase.name(), status, -1, List.of(), List.of(),
                error, Duration.between(started, ctx.time.now()), file, ScriptData.NONE));
    }
}
