package io.hvcluster.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT; SIGTERM alike) during a run: the JVM runs its shutdown hooks, and this one interrupts the thread
 * that runs the workflow, then holds the JVM until the command has unwound: running steps stopped, the summary
 * printed, the report written, the simulated hosts' state saved, every finally block run. The JVM then exits with
 * 128 + the signal's number, 130 for Ctrl-C, the code the command returned too. Outside a run (validate, render,
 * init) nothing needs saving and the hook lets the JVM go at once.
 *
 * <p>Only the part of a command that may be interrupted registers ({@link #during}): an interrupt that landed
 * while the report is being written would break the write (interruptible file channels), not end a run.
 */
final class RunInterrupt {

    /** How long Ctrl-C waits for the run to unwind before the JVM exits anyway. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final RunInterrupt INSTANCE = new RunInterrupt();

    private final CountDownLatch commandDone = new CountDownLatch(1);
    private Thread running;
    private boolean requested;
    /** A run has started: Ctrl-C from now on waits for the command to unwind and save. */
    private boolean started;

    private RunInterrupt() {
    }

    static RunInterrupt instance() {
        return INSTANCE;
    }

    /** Installs the shutdown hook (the process's main only; tests call {@link #interruptRun}). */
    void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "hvcluster-interrupt"));
    }

    /** The command has returned (its exit code is known): the hook may let the JVM exit. */
    void commandDone() {
        commandDone.countDown();
    }

    /** Work that Ctrl-C interrupts. */
    @FunctionalInterface
    interface Interruptible<T> {
        T run() throws InterruptedException;
    }

    /** Runs {@code work} on this thread as the part of the command that Ctrl-C interrupts. */
    <T> T during(Interruptible<T> work) throws InterruptedException {
        synchronized (this) {
            running = Thread.currentThread();
            started = true;
            if (requested) {
                running.interrupt();
            }
        }
        try {
            return work.run();
        } finally {
            synchronized (this) {
                running = null;
            }
            // An interrupt that arrived as the work ended must not break what follows (closing, saving).
            Thread.interrupted();
        }
    }

    /**
     * Interrupts the run in progress, if any.
     *
     * @return whether a run was in progress (so the JVM should wait for it to unwind)
     */
    synchronized boolean interruptRun() {
        requested = true;
        if (running == null) {
            return false;
        }
        running.interrupt();
        return true;
    }

    private void onShutdown() {
        interruptRun();
        boolean wait;
        synchronized (this) {
            wait = started;
        }
        if (!wait) {
            return;
        }
        try {
            commandDone.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new command in this JVM (tests run many): no interrupt requested, no run started yet. */
    synchronized void commandStarted() {
        requested = false;
        started = false;
    }
}
