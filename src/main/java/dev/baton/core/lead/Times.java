package dev.baton.core.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The times and dates Baton keeps: from 1900 to the end of 9999. Anything outside is a typing slip or a placeholder
 * (year 0, the Julian epoch), not a fact about a lead, and PostgreSQL could not store all of it.
 */
public final class Times {

    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    public static final Instant EARLIEST = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    public static final Instant LATEST =
            LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1);

    /** The sentence an error about a time out of range ends with. */
    public static final String RANGE = "times and dates must lie between 1900-01-01 and 9999-12-31";

    private Times() {}

    public static boolean isKept(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    public static boolean isKept(LocalDate day) {
        return !day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY);
    }
}
