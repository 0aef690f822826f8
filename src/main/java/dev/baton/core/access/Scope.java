package dev.baton.core.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API token may be used for, whatever its owner's roles allow: sending events and leads in, reading, changing
 * things, administering Baton.
 */
public enum Scope {
    INGEST,
    READ,
    WRITE,
    ADMIN;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Scope> of(String word) {
        return Arrays.stream(values())
                .filter(s -> s.word().equalsIgnoreCase(word.strip()))
                .findFirst();
    }

    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(Scope::word).toList());
    }
}
