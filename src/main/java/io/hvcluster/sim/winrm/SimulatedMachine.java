package io.hvcluster.sim.winrm;

import java.time.Duration;
import java.time.Instant;

/** What a command handler may know about, and do to, the simulated host it runs on. */
public interface SimulatedMachine {

    /** The computer name, as {@code hostname} prints it. */
    String hostName();

    /** 1 after the endpoint first starts, incremented by every reboot. */
    int bootCount();

    /** When the current boot began (what {@code Win32_OperatingSystem.LastBootUpTime} reports). */
    Instant bootTime();

    /**
     * Reboots the host {@code delay} from now (like {@code shutdown /r /t N}): the endpoint goes away, every
     * shell is forgotten, and it listens again on the same port after the configured downtime.
     */
    void scheduleReboot(Duration delay);
}
