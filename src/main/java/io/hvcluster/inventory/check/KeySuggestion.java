package io.hvcluster.inventory.check;

import java.util.Collection;
import java.util.Optional;

/** "did you mean" for misspelt keys and names: a case-only difference or an edit distance of at most 2. */
public final class KeySuggestion {

    private static final int MAX_DISTANCE = 2;

    private KeySuggestion() {
    }

    /** The closest candidate to {@code typed}, if one is close enough to be a likely typo. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        for (String c : candidates) {
            if (c.equalsIgnoreCase(typed)) {
                return Optional.of(c);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(typed, c);
            // A short key is "close" to every other short key; demand that most of the word survives.
            if (d < bestDistance && d < Math.min(typed.length(), c.length())) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= MAX_DISTANCE ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Levenshtein distance, ignoring case (a case slip plus a typo is still one typo away). */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
