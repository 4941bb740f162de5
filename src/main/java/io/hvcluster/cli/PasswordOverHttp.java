package io.hvcluster.cli;

import io.hvcluster.exec.ExecutionException;
import io.hvcluster.exec.OutputSink;
import io.hvcluster.exec.Script;
import io.hvcluster.exec.ScriptExecutor;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.facts.PreflightProbe;
import io.hvcluster.inventory.Connection;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Step;
import io.hvcluster.plan.Plan;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.run.ExecutorFactory;
import io.hvcluster.steps.StandardPipeline;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The domain password never crosses plain HTTP unless the admin said so (connection.allowPasswordOverHttp).
 * Over HTTP, WinRM with Basic carries the payload unencrypted: the cluster steps' bootstrap payload would hold
 * the domain password in cleartext. Without the allowance, apply refuses before changing anything when a step
 * that delivers it has work to do, and every executor refuses to send a script that carries it (the preflight
 * probe then runs without it); with the allowance, every run says so.
 */
final class PasswordOverHttp {

    static final String REFUSED = "the domain password would cross the network in cleartext: connection.https is "
            + "false. Use https: true, or accept it with connection.allowPasswordOverHttp: true";

    private PasswordOverHttp() {
    }

    /** The line every run that contacts hosts prints about it, if any. */
    static Optional<String> notice(Connection c) {
        if (c.https()) {
            return Optional.empty();
        }
        if (c.allowPasswordOverHttp()) {
            return Optional.of("warning: connection.allowPasswordOverHttp is true and https is false: the domain "
                    + "password crosses the network in cleartext when the cluster is created or validated");
        }
        return Optional.of("note: connection.https is false: the steps that deliver the domain password (create and "
                + "validate the cluster) are refused over plain HTTP (connection.allowPasswordOverHttp)");
    }

    /** Before apply changes anything: refuses when a step with work to do would need to deliver the password. */
    static void refuseApply(Connection c, Plan plan) {
        if (c.mayDeliverPassword()) {
            return;
        }
        Pipeline pipeline = StandardPipeline.create();
        Set<String> needing = new TreeSet<>();
        for (StepPlan s : plan.steps()) {
            // connect-storage's CHAP secret is optional; its executor guard below refuses it when the inventory has one.
            boolean needsSecret = pipeline.step(s.stepId()).map(Step::secrets)
                    .map(x -> x.contains(io.hvcluster.facts.Delegation.PASSWORD_SECRET)).orElse(false);
            if (needsSecret && !s.inDesiredState()) {
                needing.add(s.stepId());
            }
        }
        if (!needing.isEmpty()) {
            throw new UserException(ExitCode.INVALID_INPUT, "cannot apply: " + String.join(" and ", needing)
                    + " must deliver the domain password, and " + REFUSED + ". Nothing was changed");
        }
    }

    /** Executors that refuse to send the password over HTTP unless allowed. */
    static ExecutorFactory guard(Connection c, ExecutorFactory factory) {
        if (c.mayDeliverPassword()) {
            return factory;
        }
        return host -> new Guarded(factory.open(host));
    }

    private record Guarded(ScriptExecutor inner) implements ScriptExecutor {
        @Override
        public ScriptResult run(Script script, Duration timeout, OutputSink sink) {
            if (script.secrets().isEmpty()) {
                return inner.run(script, timeout, sink);
            }
            if (PreflightProbe.ID.equals(script.stepId())) {
                // Its AD checks then report that they could not run; everything else in it still does.
                return inner.run(new Script(script.host(), script.stepId(), script.phase(), script.fileName(),
                        script.text(), Map.of()), timeout, sink);
            }
            String refused = script.secrets().containsKey(io.hvcluster.facts.Delegation.PASSWORD_SECRET) ? REFUSED
                    : REFUSED.replace("the domain password", "the iSCSI CHAP secret");
            throw new ExecutionException(script.host(), ExecutionException.Kind.PROTOCOL_FAULT,
                    script.host() + ": " + script.stepId() + " not sent: " + refused);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
