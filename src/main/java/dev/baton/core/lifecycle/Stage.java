package dev.baton.core.lifecycle;

import java.util.Locale;

/** Where a lead stands in the funnel. */
public enum Stage {
    LEAD,
    MQL,
    ACCEPTED,
    SQL,
    OPPORTUNITY,
    WON,
    LOST,
    NURTURE,
    RECYCLED,
    DISQUALIFIED,
    REJECTED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether scoring may still qualify the lead: it is not with sales and not closed. */
    public boolean isMarketingOwned() {
        return this == LEAD || this == NURTURE || this == RECYCLED;
    }

    /** Whether the lead is, or was last, in sales' hands: sending it on to marketing from here sends it back. */
    public boolean isSalesOwned() {
        return this == MQL
                || this == ACCEPTED
                || this == SQL
                || this == OPPORTUNITY
                || this == REJECTED
                || this == LOST;
    }

    /** Whether the lead is still in play (not won, lost or disqualified). */
    public boolean isOpen() {
        return this != WON && this != LOST && this != DISQUALIFIED;
    }
}
