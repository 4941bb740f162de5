package io.hvcluster.run;

import io.hvcluster.facts.HostFacts;
import io.hvcluster.plan.Plan;
import io.hvcluster.preflight.PreflightReport;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The one workflow of plan, apply and apply --dry-run, whatever the executor: facts → preflight → plan →
 * confirm → apply (the preflight only when the plan has something to change). A dry run is the same flow without asking the hosts: a plan that knows nothing about their
 * state, then every step in the same order and flow with the dry-run executor, which writes the scripts. Every
 * ending, early or not, reaches the run's listeners (so the run folder always gets its report). Commands only
 * pick the goal, show what the {@link Console} is given and turn the {@link Outcome} into an exit code.
 */
public final class Workflow {

    public enum Goal {
        /** Facts, preflight, plan; nothing changes. */
        PLAN("plan"),
        /** Facts, preflight, plan, confirmation, apply. */
        APPLY("apply"),
        /** A plan without facts, then the scripts written in the order and flow a live run would use. */
        DRY_RUN("dry-run");

        private final String verb;

        Goal(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** How a workflow ended. */
    public enum Ending {
        /** Some host did not answer the facts probe; nothing was planned. */
        FACTS_MISSING,
        /** The preflight found errors; nothing changed. */
        PREFLIGHT_FAILED,
        /** The plan was shown (goal PLAN). */
        PLANNED,
        /** The person did not confirm the plan; nothing changed. */
        NOT_CONFIRMED,
        /** The steps ran (or, with nothing to change, were confirmed unchanged). */
        APPLIED,
        /** The dry run wrote its scripts. */
        WRITTEN,
        /** Ctrl-C: running steps were stopped, nothing new started; the report says what had happened. */
        INTERRUPTED,
        /** Another run holds the run lock (or it could not be taken); nothing changed. */
        LOCKED
    }

    /** What the workflow shows a person and asks them (the terminal in the CLI). */
    public interface Console {
        void preflight(PreflightReport report);

        void plan(Plan plan);

        /** @return whether the person confirmed that {@code plan} is to be applied */
        boolean confirm(Plan plan) throws InterruptedException;
    }

    /**
     * @param summary     one line: why it ended early, or the run's summary
     * @param unreachable the hosts that did not answer the facts probe, with why (FACTS_MISSING)
     * @param plan        the plan, once there is one
     * @param result      every step's status by host, once steps ran
     */
    public record Outcome(Ending ending, String summary, Map<String, String> unreachable, Plan plan, PipelineRunner.RunResult result,
            boolean reportPending) {

        public Outcome {
            unreachable = Map.copyOf(unreachable);
        }

        Outcome(Ending ending, String summary, Map<String, String> unreachable, Plan plan, PipelineRunner.RunResult result) {
            this(ending, summary, unreachable, plan, result, false);
        }

        /**
         * The run's one exit code, the same in the report and for the process: 0, 1 when {@link #failed()}, 3 when
         * a plan asked to report pending changes ({@code plan --detailed-exitcode}) has some.
         */
        public int exitCode() {
            if (ending == Ending.INTERRUPTED) {
                return PipelineRunner.INTERRUPTED;
            }
            if (failed()) {
                return 1;
            }
            return reportPending && ending == Ending.PLANNED && plan.toChange() > 0 ? CHANGES_PENDING : 0;
        }

        /** Whether the command should exit with "a step failed": the hosts, the preflight, the plan or a step. */
        public boolean failed() {
            return switch (ending) {
                case FACTS_MISSING, PREFLIGHT_FAILED, LOCKED -> true;
                case PLANNED -> plan.hasProblems();
                // Terraform's convention: a declined apply is not a success (a script must not go on as if it ran).
                case NOT_CONFIRMED, INTERRUPTED -> true;
                case APPLIED, WRITTEN -> result.anyFailed();
            };
        }
    }

    /** The exit code of a plan with changes pending when asked for ({@code plan --detailed-exitcode}, Terraform's 2 is our 3). */
    public static final int CHANGES_PENDING = 3;

    private final PipelineRunner runner;
    private final boolean preflight;
    private final Console console;
    private boolean reportPending;
    private Plan saved;
    private ToIntFunction<RuntimeException> exitCodeOf = e -> 4;
    /** The plan once there is one (an interrupted run still reports it). */
    private Plan shown;
    private io.hvcluster.facts.RunLockMark lockAs;

    /** @param preflight whether to run the preflight checks before planning */
    public Workflow(PipelineRunner runner, boolean preflight, Console console) {
        this.runner = runner;
        this.preflight = preflight;
        this.console = console;
    }

    /** A plan with changes ends with {@link #CHANGES_PENDING} instead of 0 ({@code plan --detailed-exitcode}). */
    public Workflow detailedExitCode(boolean on) {
        this.reportPending = on;
        return this;
    }

    /**
     * Apply {@code plan}, saved by {@code plan --out} and confirmed then, instead of planning afresh: it is not asked
     * again, and the runner stops a host that changed since it was made ({@link PlanContract}).
     */
    public Workflow savedPlan(Plan plan) {
        this.saved = plan;
        return this;
    }

    /**
     * Apply under the run lock, as the run {@code mine} describes (docs/reliability.md, "Run lock"): a host another run
     * has locked stops the apply before it plans, and the lock is taken on every host before the first change and
     * released at the end, whatever the ending (a finally: a failure, or Ctrl-C unwinding the run).
     */
    public Workflow lockAs(io.hvcluster.facts.RunLockMark mine) {
        this.lockAs = mine;
        return this;
    }

    /**
     * Runs the goal to its end. An interrupt of the calling thread (Ctrl-C, see the CLI's shutdown hook) ends it
     * early but in order: running steps are stopped, the listeners get the run's end with exit code 130 (so the
     * report is written), and the outcome is {@link Ending#INTERRUPTED}; the caller's finally blocks still run.
     */
    public Outcome run(Goal goal) throws InterruptedException {
        try {
            return runGoal(goal);
        } catch (InterruptedException e) {
            String summary = runner.finishInterrupted();
            return new Outcome(Ending.INTERRUPTED, summary, Map.of(), shown, runner.resultSoFar());
        } catch (RuntimeException e) {
            // The process exits with the code this exception maps to: the console's "(exit N)" and the report say it too.
            runner.finishAbnormally(exitCodeOf.applyAsInt(e), String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /**
     * How an exception that ends the workflow maps to the process's exit code (the CLI's mapping: a user's mistake
     * is 2, a bug 4). Default: 4.
     */
    public Workflow exitCodes(ToIntFunction<RuntimeException> mapping) {
        this.exitCodeOf = mapping;
        return this;
    }

    private Outcome runGoal(Goal goal) throws InterruptedException {
        if (goal == Goal.DRY_RUN) {
            Plan plan = runner.planWithoutFacts();
            shown = plan;
            console.plan(plan);
            PipelineRunner.RunResult result = runner.dryRun(plan);
            return new Outcome(Ending.WRITTEN, result.count(StepStatus.PLANNED) + " step runs written", Map.of(), plan, result);
        }
        FactsCollection facts = runner.collectFacts();
        if (!facts.complete()) {
            facts.failures().forEach((h, why) -> runner.notice(h, NoticeKind.UNREACHABLE, why));
            String summary = "cannot " + goal.verb() + ": " + facts.failures().size() + " host(s) did not answer the facts probe";
            runner.finish(1, summary);
            return new Outcome(Ending.FACTS_MISSING, summary, facts.failures(), null, null);
        }
        Map<String, HostFacts> known = facts.facts();
        // plan and facts never take the lock, but say when another run holds it: its changes may overtake this plan.
        Map<String, io.hvcluster.facts.RunLockMark> held = RunLock.heldByOthers(runner.inventory().hosts(), known,
                lockAs == null ? "" : lockAs.runId());
        held.forEach((h, mark) -> runner.notice(h, NoticeKind.RUN_LOCK, RunLock.describe(mark, runner.time().now())
                + (goal == Goal.APPLY && lockAs != null ? "" : "; an apply may be changing it now")));
        if (goal == Goal.APPLY && lockAs != null && !held.isEmpty()) {
            Map.Entry<String, io.hvcluster.facts.RunLockMark> first = held.entrySet().iterator().next();
            String summary = "cannot apply: " + first.getKey() + " is " + RunLock.describe(first.getValue(), runner.time().now())
                    + ". If no run is active any more: hvcluster unlock " + runner.inventory().source() + " --run " + first.getValue().runId()
                    + "; nothing was changed";
            runner.finish(1, summary);
            return new Outcome(Ending.LOCKED, summary, Map.of(), null, null);
        }
        // The plan is pure; computed first so that a converged build skips the preflight: nothing will change, so
        // there is nothing for it to guard, and a re-run costs one probe per host (docs/performance.md).
        Plan plan = saved == null ? runner.plan(known) : runner.adopt(saved);
        shown = plan;
        if (preflight && plan.toChange() > 0) {
            PreflightReport report = runner.preflight(known);
            console.preflight(report);
            if (report.hasErrors()) {
                runner.finish(1, "preflight: " + report.summary());
                return new Outcome(Ending.PREFLIGHT_FAILED, "cannot " + goal.verb() + ": the preflight found " + report.summary()
                        + "; nothing was changed",
                        Map.of(), null, null);
            }
        }
        console.plan(plan);
        if (goal == Goal.PLAN) {
            Outcome planned = new Outcome(Ending.PLANNED, plan.summary(), Map.of(), plan, null, reportPending);
            runner.finish(planned.exitCode(), plan.summary());
            return planned;
        }
        // A converged plan needs no confirmation: the run only records every step as unchanged.
        if (plan.toChange() > 0 && saved == null && !console.confirm(plan)) {
            runner.finish(1, "not applied: the plan was declined (" + plan.summary() + ")");
            return new Outcome(Ending.NOT_CONFIRMED, "not applied: the plan was declined", Map.of(), plan, null);
        }
        if (lockAs == null || plan.toChange() == 0) {
            PipelineRunner.RunResult result = runner.apply(plan);
            return new Outcome(Ending.APPLIED, result.summary(), Map.of(), plan, result);
        }
        RunLock lock = runner.runLock(lockAs);
        try {
            lock.acquire();
        } catch (RunLock.LockedException e) {
            runner.finish(1, e.getMessage());
            return new Outcome(Ending.LOCKED, e.getMessage(), Map.of(), plan, null);
        }
        try {
            PipelineRunner.RunResult result = runner.apply(plan);
            return new Outcome(Ending.APPLIED, result.summary(), Map.of(), plan, result);
        } finally {
            lock.release();
        }
    }
}
