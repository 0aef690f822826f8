package dev.baton.core.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person does in the handoff; a user may hold several roles. */
public enum Role {
    ADMIN,
    REVOPS,
    MARKETING,
    SALES_MANAGER,
    REP;

    /** The role as settings, the API and the command line spell it: {@code sales_manager}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String word) {
        String wanted = word.strip().replace('-', '_');
        return Arrays.stream(values())
                .filter(r -> r.word().equalsIgnoreCase(wanted))
                .findFirst();
    }

    /** The words of every role, for messages. */
    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(Role::word).toList());
    }
}
