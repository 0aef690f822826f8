package dev.baton.core.scoring;

import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.Span;
import java.time.Duration;
import java.time.Instant;

/**
 * How far back from an instant a scoring rule looks — a window, a signal's "within", a half-life: a wall-clock span
 * exactly, a business span in the open time of the agreement's calendar (so that {@code 5 business days} before a
 * Monday morning reaches back to the Monday before).
 */
final class Lookback {

    private final Span span;
    private final Duration wall;
    private final BusinessCalendar calendar;

    Lookback(Span span, BusinessCalendar calendar) {
        this.span = span;
        this.wall = span.business() ? null : span.toDuration();
        this.calendar = calendar;
    }

    Span span() {
        return span;
    }

    boolean business() {
        return wall == null;
    }

    /** Where the span that ends at {@code now} starts. */
    Instant from(Instant now) {
        return wall != null ? now.minus(wall) : calendar.minus(now, span);
    }

    /** The span's length in seconds as it ends at {@code now}: open seconds for a business span. */
    double seconds(Instant now) {
        return wall != null
                ? wall.toSeconds()
                : calendar.between(from(now), now).toSeconds();
    }

    /** The seconds from {@code at} to {@code now} as this span counts them: open seconds for a business span. */
    double age(Instant at, Instant now) {
        return wall != null
                ? Duration.between(at, now).toSeconds()
                : calendar.between(at, now).toSeconds();
    }

    @Override
    public String toString() {
        return span.toString();
    }
}
