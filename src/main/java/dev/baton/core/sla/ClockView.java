package dev.baton.core.sla;

import dev.baton.core.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * A clock as people read it: which promise, whose, its deadline (also on the clock of the rep who holds it), where
 * it stands, when it was met, breached or stopped, and the business time left before the deadline.
 */
public record ClockView(
        String clock,
        int cycle,
        Optional<String> rep,
        String within,
        Instant startedAt,
        Instant deadline,
        String deadlineLocal,
        String state,
        Optional<Instant> metAt,
        Optional<Instant> breachedAt,
        Optional<Instant> stoppedAt,
        Duration businessTimeLeft,
        Optional<Integer> attempts) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");

    public static ClockView of(Clock clock, BusinessCalendar calendar, Instant now) {
        return new ClockView(
                clock.kind().word(),
                clock.cycle(),
                clock.rep(),
                clock.span().toString(),
                clock.startedAt(),
                clock.deadline(),
                LOCAL.format(clock.deadline().atZone(calendar.zone())),
                clock.state().word(),
                clock.metAt(),
                clock.breachedAt(),
                clock.stoppedAt(),
                clock.left(calendar, now),
                clock.kind() == ClockKind.ATTEMPTS
                        ? Optional.of(clock.progress().attempts())
                        : Optional.empty());
    }

    /**
     * "first-touch by 2026-10-12 16:30 America/New_York: running, 3h30m of business time left" — the time left to the
     * minute, rounded down ("less than a minute" under one).
     */
    public String describe() {
        String left = businessTimeLeft.isZero() ? "" : ", " + minutes(businessTimeLeft) + " of business time left";
        return clock + " by " + deadlineLocal + ": " + state + left;
    }

    private static String minutes(java.time.Duration left) {
        long minutes = left.toMinutes();
        if (minutes < 1) {
            return "less than a minute";
        }
        long hours = minutes / 60;
        return (hours > 0 ? hours + "h" : "") + (minutes % 60 > 0 || hours == 0 ? minutes % 60 + "m" : "");
    }
}
