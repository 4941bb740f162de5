package io.hvcluster.run;

/**
 * Receives a run's events. Core code never prints: the console reporter, the journal and the report are
 * listeners. Calls may come from several threads; implementations synchronize themselves.
 */
public interface RunListener {

    default void runStarted(RunEvents.RunStarted e) {
    }

    default void preflightChecked(RunEvents.PreflightChecked e) {
    }

    default void planComputed(RunEvents.PlanComputed e) {
    }

    default void stepStarted(RunEvents.StepStarted e) {
    }

    default void output(RunEvents.OutputLine e) {
    }

    default void stepFinished(RunEvents.StepFinished e) {
    }

    default void hostNotice(RunEvents.HostNotice e) {
    }

    default void progress(RunEvents.Progress e) {
    }

    /** What {@code hvcluster verify} found (and, with --burn-in, every operation it ran so far). */
    default void verified(RunEvents.Verified e) {
    }

    default void runFinished(RunEvents.RunFinished e) {
    }
}
