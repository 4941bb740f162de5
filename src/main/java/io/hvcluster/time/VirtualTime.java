package io.hvcluster.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Virtual time for tests and in-process simulations, safe with several threads and deterministic: time moves
 * only when every open piece of work (each task wrapped by {@link #track}, plus any untracked thread while it
 * sleeps) is asleep, and then jumps straight to the earliest wake-up. So a host thread waiting out a 3-minute
 * restart cannot let time race past a script another host thread is still running: the sleeper wakes at the
 * same virtual instant however slow the real machine is, and sleepers due at the same instant wake together.
 */
public final class VirtualTime implements TimeSource {

    private final Object lock = new Object();
    private final PriorityQueue<Sleeper> sleepers = new PriorityQueue<>(
            Comparator.comparing((Sleeper s) -> s.wake).thenComparingLong(s -> s.order));
    private final ThreadLocal<Integer> trackedDepth = ThreadLocal.withInitial(() -> 0);
    private Instant now;
    /** Tracked tasks not yet returned, plus untracked threads that are sleeping. */
    private int open;
    private long order;

    public VirtualTime(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
        if (d.isNegative() || d.isZero()) {
            return;
        }
        synchronized (lock) {
            boolean untracked = trackedDepth.get() == 0;
            if (untracked) {
                // A thread outside any tracked task (a test driving the simulator by hand) counts only while it sleeps.
                open++;
            }
            Sleeper me = new Sleeper(now.plus(d), order++);
            sleepers.add(me);
            try {
                advanceIfAllAsleep();
                while (!me.woken) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                sleepers.remove(me);
                throw e;
            } finally {
                if (untracked) {
                    open--;
                    advanceIfAllAsleep();
                }
            }
        }
    }

    /** Lets {@code d} pass for a thread that drives the simulation by hand (no tracked work running). */
    public void advance(Duration d) {
        try {
            sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while advancing virtual time", e);
        }
    }

    @Override
    public Runnable track(Runnable task) {
        synchronized (lock) {
            open++;
        }
        return () -> {
            trackedDepth.set(trackedDepth.get() + 1);
            try {
                task.run();
            } finally {
                trackedDepth.set(trackedDepth.get() - 1);
                synchronized (lock) {
                    open--;
                    advanceIfAllAsleep();
                }
            }
        };
    }

    /** Called with the lock held. */
    private void advanceIfAllAsleep() {
        if (sleepers.isEmpty() || sleepers.size() < open) {
            return;
        }
        Instant next = sleepers.peek().wake;
        if (next.isAfter(now)) {
            now = next;
        }
        while (!sleepers.isEmpty() && !sleepers.peek().wake.isAfter(now)) {
            sleepers.poll().woken = true;
        }
        lock.notifyAll();
    }

    private static final class Sleeper {
        final Instant wake;
        final long order;
        boolean woken;

        Sleeper(Instant wake, long order) {
            this.wake = wake;
            this.order = order;
        }
    }
}
