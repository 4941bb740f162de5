package io.hvcluster.verify;

import java.time.Duration;

/**
 * One operation of a burn-in, as its script reported it.
 *
 * @param kind     what it was ({@link Kind})
 * @param subject  the VM, CSV or node it acted on
 * @param from     where the VM or CSV was before ("" where it does not apply)
 * @param to       where it went ("" where it does not apply)
 * @param duration how long the operation itself took (the script's stopwatch; for a drain, drain and resume)
 * @param error    "" when it succeeded, else the error in one line
 * @param detail   what else it reported ("2 roles moved", "lost 0 of 9 pings"), or ""
 */
public record BurnInOperation(Kind kind, String subject, String from, String to, Duration duration, String error, String detail) {

    public enum Kind {
        CLEANUP("cleanup"), CREATE("create test VMs"), LIVE_MIGRATION("live migration"), CSV_MOVE("CSV move"),
        DRAIN_RESUME("drain and resume");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public BurnInOperation {
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        duration = duration == null ? Duration.ZERO : duration;
        error = error == null ? "" : error;
        detail = detail == null ? "" : detail;
    }

    public boolean ok() {
        return error.isEmpty();
    }

    public String outcome() {
        return ok() ? "ok" : "failed: " + error;
    }
}
