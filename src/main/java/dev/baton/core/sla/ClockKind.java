package dev.baton.core.sla;

import java.util.Locale;

/** The promises of the handoff, one clock each, as the agreement's {@code sla} section names them. */
public enum ClockKind {
    /** MQL → assigned to a rep. */
    ROUTE,
    /** Assigned → accepted or rejected. */
    ACCEPT,
    /** Assigned → the first touch; for a priority lead, the priority deadline. */
    FIRST_TOUCH,
    /** Assigned → the required number of contact attempts. */
    ATTEMPTS,
    /** First touch → a decision: SQL, nurture, recycle or disqualify. */
    DISPOSITION;

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the clock holds the assigned rep to a promise (all but routing). */
    public boolean isRepClock() {
        return this != ROUTE;
    }

    /** Whether a breach that lasts {@code reassign-after} takes the lead from the rep: they have not taken it up. */
    public boolean reassignsOnLongBreach() {
        return this == ACCEPT || this == FIRST_TOUCH;
    }
}
