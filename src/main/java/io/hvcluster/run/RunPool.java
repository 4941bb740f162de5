package io.hvcluster.run;

import io.hvcluster.time.TimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread pool of a run: at most {@code slots} tasks at once (the run's parallelism), the rest wait
 * here in order. A task may submit follow-up tasks; they start as slots free up. Each task is tracked on the
 * run's time source from the moment it takes a slot, and a task's follow-ups take their slots before its own
 * work ends, so virtual time never passes between one step and the next.
 */
final class RunPool implements AutoCloseable {

    private final ExecutorService threads;
    private final int slots;
    private final TimeSource time;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private final Set<Thread> workers = new HashSet<>();
    private int running;
    private Throwable failure;

    RunPool(int slots, TimeSource time) {
        this.slots = slots;
        this.time = time;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(slots, r -> {
            Thread t = new Thread(r, "hvcluster-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A task that may be interrupted. */
    @FunctionalInterface
    interface Task {
        void run() throws InterruptedException;
    }

    /** Queues {@code task}; ignored once a task has broken, until {@link #awaitIdle} reports it. */
    void submit(Task task) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            waiting.add(() -> {
                try {
                    task.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail(e);
                }
            });
        }
        dispatch();
    }

    /**
     * Runs {@code submitter} (a caller outside the pool submitting several tasks) as one piece of tracked work:
     * the first task cannot let virtual time pass before the last one is submitted, so all start at one instant.
     */
    void submitting(Runnable submitter) {
        time.track(submitter).run();
    }

    private synchronized void dispatch() {
        while (running < slots && !waiting.isEmpty() && !threads.isShutdown()) {
            Runnable task = waiting.poll();
            running++;
            threads.execute(time.track(() -> runInSlot(task)));
        }
    }

    private void runInSlot(Runnable task) {
        synchronized (this) {
            workers.add(Thread.currentThread());
        }
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            fail(e);
        } finally {
            synchronized (this) {
                workers.remove(Thread.currentThread());
                running--;
                dispatch();
                notifyAll();
            }
        }
    }

    private synchronized void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        // Nothing new starts after a task broke; what runs finishes.
        waiting.clear();
    }

    /** Waits until no task runs or waits; rethrows the first exception a task threw. */
    void awaitIdle() throws InterruptedException {
        Throwable f;
        synchronized (this) {
            while (running > 0 || !waiting.isEmpty()) {
                wait();
            }
            f = failure;
            failure = null;
        }
        if (f instanceof InterruptedException ie) {
            throw ie;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    /**
     * The run is interrupted (Ctrl-C): nothing waiting starts, every running task is interrupted (a WinRM command
     * is stopped on its host, a restart wait ends), and the caller waits up to {@code grace} of real time for them
     * to record how they ended. Whatever they threw is dropped: the interrupt is the run's ending.
     */
    void stopRunning(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (this) {
            waiting.clear();
            workers.forEach(Thread::interrupt);
            try {
                long left;
                while (running > 0 && (left = deadline - System.nanoTime()) > 0) {
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
            failure = null;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
