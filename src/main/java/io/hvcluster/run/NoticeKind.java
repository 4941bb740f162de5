package io.hvcluster.run;

import java.util.Locale;

/** What happened to a host between steps ({@link RunEvents.HostNotice}). */
public enum NoticeKind {
    /** A step scheduled a restart. */
    REBOOT_REQUESTED,
    /** Waiting for the host to go down and come back. */
    WAITING,
    /** Back with a new boot time. */
    BACK_ONLINE,
    /** The connection dropped during a step and is being re-established. */
    RECONNECTED,
    /** The System log shows errors after a restart. */
    LOG_ERRORS,
    /** A node hvcluster had paused for a restart is back in service. */
    RESUMED,
    /** The host did not answer the facts probe. */
    UNREACHABLE,
    /** The run lock: held by another run, or not released. */
    RUN_LOCK;

    /** The kebab-case name the journal and report.json use ("reboot-requested"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the console shows it even when quiet, and the report marks it. */
    public boolean alarming() {
        return this == LOG_ERRORS || this == UNREACHABLE || this == RUN_LOCK;
    }
}
