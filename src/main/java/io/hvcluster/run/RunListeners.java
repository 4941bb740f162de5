package io.hvcluster.run;

import java.util.List;

/** Fans every event out to several listeners, in order. */
public final class RunListeners implements RunListener {

    private final List<RunListener> listeners;

    public RunListeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarted(RunEvents.RunStarted e) {
        listeners.forEach(l -> l.runStarted(e));
    }

    @Override
    public void preflightChecked(RunEvents.PreflightChecked e) {
        listeners.forEach(l -> l.preflightChecked(e));
    }

    @Override
    public void verified(RunEvents.Verified e) {
        listeners.forEach(l -> l.verified(e));
    }

    @Override
    public void planComputed(RunEvents.PlanComputed e) {
        listeners.forEach(l -> l.planComputed(e));
    }

    @Override
    public void stepStarted(RunEvents.StepStarted e) {
        listeners.forEach(l -> l.stepStarted(e));
    }

    @Override
    public void output(RunEvents.OutputLine e) {
        listeners.forEach(l -> l.output(e));
    }

    @Override
    public void stepFinished(RunEvents.StepFinished e) {
        listeners.forEach(l -> l.stepFinished(e));
    }

    @Override
    public void hostNotice(RunEvents.HostNotice e) {
        listeners.forEach(l -> l.hostNotice(e));
    }

    @Override
    public void progress(RunEvents.Progress e) {
        listeners.forEach(l -> l.progress(e));
    }

    @Override
    public void runFinished(RunEvents.RunFinished e) {
        listeners.forEach(l -> l.runFinished(e));
    }
}
