package io.hvcluster.time;

import java.time.Duration;
import java.time.Instant;

/**
 * The time a run and the simulator live on: what time it is, a way to let time pass, and a way to mark work in
 * progress. {@link #system()} is the wall clock with real sleeps; {@link VirtualTime} moves only when every
 * piece of tracked work is asleep, so a build with 3-minute restarts simulates in milliseconds.
 */
public interface TimeSource {

    Instant now();

    /** Lets {@code d} pass for the calling thread: a real sleep, or a wait until virtual time reaches it. */
    void sleep(Duration d) throws InterruptedException;

    /**
     * Marks {@code task} as work in progress from this call until it returns: virtual time does not move past
     * it while it waits for a thread or runs, only while it sleeps on this time source. A tracked task must not
     * wait for another tracked task by other means (a lock held across a sleep, a future): that would stall
     * virtual time. The system clock returns the task as it is.
     */
    Runnable track(Runnable task);

    static TimeSource system() {
        return SystemTime.INSTANCE;
    }
}
