package io.hvcluster.sim.host;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the keys a PowerShell template writes into {@code [ordered]@{ ... }} literals: for each literal, the
 * names assigned at its own brace depth ({@code name = ...} at the start of a line or after a {@code ;}), so keys
 * of nested literals belong to those. Single-quoted strings are skipped ({@code Trim('{}')} holds braces). Only
 * the template's own text is read, not the files it #parse's. A test tool, not a PowerShell parser: it
 * understands exactly the layout the probe template uses.
 */
final class TemplateHashtableKeys {

    private static final Pattern KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9]*)\\s*=(?!=)");

    private TemplateHashtableKeys() {
    }

    static Set<String> of(String template) {
        Set<String> keys = new LinkedHashSet<>();
        int from = 0;
        while (true) {
            int open = template.indexOf("[ordered]@{", from);
            if (open < 0) {
                return keys;
            }
            collect(template, open + "[ordered]@{".length(), keys);
            from = open + 1;
        }
    }

    /** Reads one literal's body from {@code start} (just after its brace) to its closing brace. */
    private static void collect(String t, int start, Set<String> keys) {
        int depth = 1;
        boolean statementStart = true;
        int i = start;
        while (i < t.length() && depth > 0) {
            char c = t.charAt(i);
            if (c == '\'') {
                int close = t.indexOf('\'', i + 1);
                i = close < 0 ? t.length() : close + 1;
                statementStart = false;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\n' || c == ';') {
                statementStart = true;
                i++;
                continue;
            } else if (!Character.isWhitespace(c) && statementStart) {
                statementStart = false;
                if (depth == 1) {
                    Matcher m = KEY.matcher(t.substring(i, Math.min(t.length(), i + 80)));
                    if (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
            i++;
        }
    }
}
