package dev.baton.core.sla;

import dev.baton.core.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a lead waited for a person: from the moment it qualified to its first touch in that cycle, on the wall
 * clock and in business time on the calendar of the rep who touched it. Stored when the touch happens, so that the
 * metrics read it without working out the calendar again.
 */
public record ResponseTime(
        int cycle,
        Instant qualifiedAt,
        Instant firstTouchAt,
        Optional<String> rep,
        Duration wallClock,
        Duration business) {

    static ResponseTime of(
            int cycle, Instant qualifiedAt, Instant firstTouchAt, Optional<String> rep, BusinessCalendar calendar) {
        Instant from = qualifiedAt.isAfter(firstTouchAt) ? firstTouchAt : qualifiedAt;
        return new ResponseTime(
                cycle,
                qualifiedAt,
                firstTouchAt,
                rep,
                Duration.between(from, firstTouchAt),
                calendar.between(from, firstTouchAt));
    }
}
