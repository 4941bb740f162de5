package io.hvcluster.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a step script reported beyond its changes and warnings, parsed once where the result arrives
 * ({@link ScriptResults}) into typed records; nothing downstream reads JSON.
 *
 * @param details       every value of the script's "data" object as text, for the journal and the report (arrays
 *                      joined with ", ", objects as {@code key=value} pairs), masked
 * @param rebootRequest the script scheduled a restart, with the boot time it saw before
 * @param validation    Test-Cluster ran, with its report and result flags
 * @param systemErrors  System log errors since the last boot the script listed (after a restart)
 * @param resumedNode   the cluster node the script resumed (one hvcluster paused for a restart), if it did
 */
public record ScriptData(Map<String, String> details, Optional<RebootRequest> rebootRequest, Optional<ValidationOutcome> validation,
        List<String> systemErrors, Optional<String> resumedNode) {

    public static final ScriptData NONE = new ScriptData(Map.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

    public ScriptData {
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        systemErrors = List.copyOf(systemErrors);
    }

    /** A restart the script scheduled; {@code bootTimeBefore} tells the new boot from the old ("" when unknown). */
    public record RebootRequest(String bootTimeBefore) {
    }

    /**
     * Test-Cluster's outcome: where its report is on the node, the result flags it gave (none for New-Cluster's
     * report) and the report's bytes as the script copied them (empty when it could not).
     */
    public record ValidationOutcome(String report, List<String> flags, byte[] content) {
        public ValidationOutcome {
            flags = List.copyOf(flags);
            content = content == null ? new byte[0] : content.clone();
        }

        public ValidationOutcome(String report, List<String> flags) {
            this(report, flags, new byte[0]);
        }

        /** A copy of the report's bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ValidationOutcome v && v.report.equals(report) && v.flags.equals(flags)
                    && java.util.Arrays.equals(v.content, content);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(report, flags, java.util.Arrays.hashCode(content));
        }

        @Override
        public String toString() {
            return "ValidationOutcome[report=" + report + ", flags=" + flags + ", content=" + content.length + " bytes]";
        }
    }
}
