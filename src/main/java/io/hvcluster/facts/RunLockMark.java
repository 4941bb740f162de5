package io.hvcluster.facts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The run lock a host holds (templates/_lib/run-lock.ps1.vm): which run took it, who ran it, from which machine, and
 * when (ISO-8601 UTC). Field names are the JSON keys of the lock file and of the facts probe's {@code runLock}; named
 * explicitly so that the simulator's state file (public fields only) keeps them too.
 */
public record RunLockMark(@JsonProperty("runId") String runId, @JsonProperty("operator") String operator,
        @JsonProperty("machine") String machine, @JsonProperty("since") String since) {

    public RunLockMark {
        runId = runId == null ? "" : runId;
        operator = operator == null ? "" : operator;
        machine = machine == null ? "" : machine;
        since = since == null ? "" : since;
    }

    /** "locked by CORP\alice on ADMIN01 since 2026-03-02T08:00:00Z (run 20260302-080000)". */
    public String describe() {
        return "locked by " + orUnknown(operator) + " on " + orUnknown(machine) + " since " + orUnknown(since) + " (run " + orUnknown(runId) + ")";
    }

    /** How long ago it was taken, when its time can be read. */
    public java.util.Optional<Duration> age(Instant now) {
        try {
            Duration d = Duration.between(Instant.parse(since), now);
            return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static String orUnknown(String s) {
        return s.isBlank() ? "(unknown)" : s;
    }
}
