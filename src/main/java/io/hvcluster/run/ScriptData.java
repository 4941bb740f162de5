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

    /** Test-Cluster's outcome: where its report is on the node and the result flags it gave. */
    public record ValidationOutcome(String report, List<String> flags) {
        public ValidationOutcome {
            flags = List.copyOf(flags);
        }
    }
}
