package dev.baton.core.lead;

import java.util.Optional;

/**
 * What text Baton keeps: any Unicode text but the NUL character, which no PostgreSQL text can hold, and lone halves of
 * a surrogate pair, which are no character at all.
 */
public final class Text {

    private Text() {}

    /** Why the text cannot be kept; empty when it can. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("holds a NUL character, which text cannot hold");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("holds half of a surrogate pair, which is not valid Unicode text");
            }
        }
        return Optional.empty();
    }
}
