package io.hvcluster.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every known secret value in a text with {@link Secret#MASK}. Applied to everything that leaves
 * the process as text about a run: logs of script output, the journal, reports, error messages.
 * Also masks the forms a value takes when it is embedded elsewhere (PowerShell-quoted, JSON-escaped).
 */
public final class SecretMasker {

    private final List<String> needles;

    public SecretMasker(Collection<Secret> secrets) {
        List<String> n = new ArrayList<>();
        for (Secret s : secrets) {
            String v = s.reveal();
            if (v.isEmpty()) {
                continue;
            }
            n.add(v);
            n.add(v.replace("'", "''"));
            n.add(v.replace("\\", "\\\\").replace("\"", "\\\""));
        }
        // Longest first, so a secret that contains another is masked whole.
        n.sort(Comparator.comparingInt(String::length).reversed());
        this.needles = n.stream().distinct().toList();
    }

    public static SecretMasker none() {
        return new SecretMasker(List.of());
    }

    public String mask(String text) {
        if (text == null || needles.isEmpty()) {
            return text;
        }
        String out = text;
        for (String needle : needles) {
            out = out.replace(needle, Secret.MASK);
        }
        return out;
    }
}
