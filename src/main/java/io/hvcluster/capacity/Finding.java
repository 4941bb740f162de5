package io.hvcluster.capacity;

import java.util.Objects;

/**
 * One observation about the plan.
 *
 * @param severity ERROR means the plan does not fit; WARNING fits but leaves little room; INFO is advice
 * @param area     which part of the plan it is about
 * @param message  what is wrong, with the figures
 * @param fix      what to change, in the admin's terms ("add 1 host", "reduce vCPUs of group 'sql'")
 */
public record Finding(Severity severity, Area area, String message, String fix) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** Ordered from the most to the least serious. */
    public enum Severity {
        /** The VMs cannot all run with the reserve hosts down: the plan does not fit. */
        ERROR,
        /** The plan fits, but close to a limit. */
        WARNING,
        /** Advice; nothing is wrong. */
        INFO
    }

    /** The part of the plan a finding is about. */
    public enum Area {
        FAILOVER,
        MEMORY,
        CPU,
        VM_GROUPS
    }
}
