package dev.baton.core.lead;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A touch a rep logged. Every logged activity is a touch; calls, emails and social messages are also contact
 * attempts; a meeting, or an attempt whose outcome is {@code connected}, is an answer from the lead.
 */
public record Activity(Activity.Type type, Instant at, String rep, Optional<String> outcome, Optional<String> notes) {

    /** The outcome of an attempt that reached the lead. */
    public static final String CONNECTED = "connected";

    /** The kinds of touch a rep logs. */
    public enum Type {
        CALL,
        EMAIL,
        MEETING,
        SOCIAL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether this touch was an attempt to reach the lead: everything but a meeting. */
    public boolean isAttempt() {
        return type != Type.MEETING;
    }

    /** Whether the lead answered: a meeting, or an attempt that connected. */
    public boolean isAnswer() {
        return !isAttempt()
                || outcome.filter(o -> o.strip().equalsIgnoreCase(CONNECTED)).isPresent();
    }
}
