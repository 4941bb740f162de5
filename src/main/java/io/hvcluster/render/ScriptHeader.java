package io.hvcluster.render;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment block every rendered script starts with: which step, which phase, which host, from which
 * inventory, and the step's parameters as one line of JSON. It tells an admin reading a transcript what the
 * script is for, and it is how the simulator recognises a script (it models state; it does not interpret
 * PowerShell).
 *
 * @param stepId    the step id ("rename-adapters"), or "facts"
 * @param phase     "apply", "probe", "after-reboot"
 * @param host      the host the script is for
 * @param inventory the inventory file name
 * @param version   the hvcluster version that rendered it
 * @param params    the step's parameters (a record), serialized into the header
 */
public record ScriptHeader(String stepId, String phase, String host, String inventory, String version, Object params) {

    /** Non-ASCII escaped: the line stays one line whatever the inventory holds (U+2028 included). */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final Pattern STEP = Pattern.compile("(?m)^# hvcluster-step: (\\S+) \\((\\S+)\\) on (\\S+)\\s*$");
    private static final Pattern PARAMS = Pattern.compile("(?m)^# hvcluster-params: (\\{.*})\\s*$");

    public String paramsJson() {
        try {
            return JSON.writeValueAsString(params);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize parameters of " + stepId, e);
        }
    }

    /** The comment lines, CRLF-terminated; each value is forced onto one line. */
    public String text() {
        return "# hvcluster-step: " + oneLine(stepId) + " (" + oneLine(phase) + ") on " + oneLine(host) + "\r\n"
                + "# Rendered by hvcluster " + oneLine(version) + " from " + oneLine(inventory)
                + ". Safe to re-run: it checks state before changing it.\r\n"
                + "# hvcluster-params: " + paramsJson() + "\r\n";
    }

    /**
     * What makes an apply script an advanced script, CRLF-terminated: {@code [CmdletBinding(SupportsShouldProcess)]}
     * and an empty param block, so an admin running it by hand can pass -WhatIf and -Confirm (docs/whatif.md).
     * PowerShell accepts a param block only as the first statement, so it follows the header's comment lines
     * directly. Medium impact: below the default $ConfirmPreference (High), so nothing prompts unless -Confirm is
     * given; hvcluster's non-interactive runs never see a prompt. Read-only probes ("probe") stay plain scripts.
     */
    public String cmdletBinding() {
        if (phase.equals("probe")) {
            return "";
        }
        return "[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]\r\nparam()\r\n";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", "?");
    }

    /** What the simulator reads back from a script's header. */
    public record Parsed(String stepId, String phase, String host, JsonNode params) {
    }

    public static Optional<Parsed> parse(String script) {
        Matcher s = STEP.matcher(script);
        Matcher p = PARAMS.matcher(script);
        if (!s.find() || !p.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Parsed(s.group(1), s.group(2), s.group(3), JSON.readTree(p.group(1))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
