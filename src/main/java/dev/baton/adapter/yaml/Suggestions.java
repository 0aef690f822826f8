package dev.baton.adapter.yaml;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for misspelt keys and names. */
final class Suggestions {

    private Suggestions() {}

    static Optional<String> closest(String typed, Collection<String> candidates) {
        String folded = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, folded.length() / 3);
        return candidates.stream()
                .filter(c -> distance(folded, c.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String c) -> distance(folded, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates)
                .map(c -> " — did you mean '" + c + "'?")
                .orElse("");
    }

    /** Levenshtein distance; keys are short, so the quadratic table is fine. */
    static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
