package dev.baton.core.metrics;

import java.util.Locale;

/** The moments of a handoff cycle that the funnel records, each the first time it happens in the cycle. */
public enum Moment {
    /** The lead met the MQL rule, or was recorded as an MQL by an import: the start of the cycle. */
    QUALIFIED,
    /** Sales took the MQL. */
    ACCEPTED,
    /** Sales turned the MQL down, with a reason code. */
    REJECTED,
    /** Sales qualified the lead (BANT recorded). */
    SQL,
    /** An opportunity was opened, with an amount. */
    OPPORTUNITY,
    WON,
    LOST,
    DISQUALIFIED,
    NURTURED,
    RECYCLED,
    /** The first touch a rep logged after the lead qualified. */
    FIRST_TOUCH,
    /** The lead qualified again in a later cycle. */
    REQUALIFIED;

    /** The moment in words, for the definitions: "MQL", "SQL", "first touch". */
    public String label() {
        return switch (this) {
            case QUALIFIED -> "MQL";
            case SQL -> "SQL";
            case NURTURED -> "nurture";
            case FIRST_TOUCH -> "first touch";
            case REQUALIFIED -> "qualified again";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
