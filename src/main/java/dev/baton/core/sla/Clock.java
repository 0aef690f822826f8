package dev.baton.core.sla;

import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One promise on one lead: who it holds (a rep, or nobody for routing), when it started, its deadline on that rep's
 * calendar, and what became of it. The attempts clock also counts the attempts and whether the lead answered.
 */
public record Clock(
        ClockKind kind,
        int cycle,
        Optional<String> rep,
        Span span,
        Instant startedAt,
        Instant deadline,
        Optional<Instant> remindAt,
        ClockState state,
        Optional<Instant> metAt,
        Optional<Instant> breachedAt,
        Optional<Instant> stoppedAt,
        Optional<Instant> reassignAt,
        Progress progress) {

    /** What the timers have already done for the clock, and the attempts made so far. */
    public record Progress(boolean reminded, boolean reassignmentDue, int attempts, boolean answered, boolean closed) {
        static final Progress NONE = new Progress(false, false, 0, false, false);

        Progress remind() {
            return new Progress(true, reassignmentDue, attempts, answered, closed);
        }

        Progress reassign() {
            return new Progress(reminded, true, attempts, answered, closed);
        }

        /** Nothing more is to be checked: the lead was found unresponsive, or moved on. */
        Progress close() {
            return new Progress(true, true, attempts, answered, true);
        }

        Progress count(boolean attempt, boolean answer) {
            return new Progress(reminded, reassignmentDue, attempts + (attempt ? 1 : 0), answered || answer, closed);
        }
    }

    public Clock {
        if (deadline.isBefore(startedAt)) {
            throw new IllegalArgumentException(kind.word() + " clock: the deadline is before the start");
        }
    }

    static Clock start(
            ClockKind kind,
            int cycle,
            Optional<String> rep,
            Span span,
            Instant at,
            Instant deadline,
            Optional<Instant> remindAt) {
        return new Clock(
                kind,
                cycle,
                rep,
                span,
                at,
                deadline,
                remindAt.filter(at::isBefore),
                ClockState.RUNNING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Progress.NONE);
    }

    public boolean isRunning() {
        return state == ClockState.RUNNING;
    }

    /** Whether what the clock waits for has not happened yet, on time or late. */
    public boolean isOpen() {
        return metAt.isEmpty() && (state == ClockState.RUNNING || state == ClockState.BREACHED);
    }

    /** The business time left before the deadline on the clock's calendar; zero once it is not running. */
    public Duration left(BusinessCalendar calendar, Instant now) {
        if (!isRunning() || !now.isBefore(deadline)) {
            return Duration.ZERO;
        }
        return calendar.between(now, deadline);
    }

    /** The next moment a timer must look at this clock: a reminder, the deadline, or a reassignment; maybe none. */
    public Optional<Instant> nextDue() {
        if (state == ClockState.RUNNING) {
            return remindAt.filter(at -> !progress.reminded()).or(() -> Optional.of(deadline));
        }
        if (state == ClockState.BREACHED && metAt.isEmpty() && !progress.reassignmentDue()) {
            return reassignAt;
        }
        if (kind == ClockKind.ATTEMPTS && state == ClockState.MET && !progress.answered() && !progress.closed()) {
            return Optional.of(deadline);
        }
        return Optional.empty();
    }

    /**
     * Met at {@code at}: on time, or late — after a breach the timers recorded, or after the deadline when no timer
     * had yet (the timers were down or behind), in which case the breach is recorded at the deadline too.
     */
    Clock met(Instant at) {
        boolean late = state == ClockState.BREACHED || at.isAfter(deadline);
        return next(
                late ? ClockState.BREACHED : ClockState.MET,
                Optional.of(at),
                late ? breachedAt.or(() -> Optional.of(deadline)) : breachedAt,
                stoppedAt,
                reassignAt,
                progress);
    }

    Clock breached(Optional<Instant> reassignment) {
        return next(ClockState.BREACHED, metAt, Optional.of(deadline), stoppedAt, reassignment, progress);
    }

    Clock stopped(Instant at) {
        return next(ClockState.STOPPED, metAt, breachedAt, Optional.of(at), reassignAt, progress);
    }

    /** Nothing more is due for the clock: the lead has moved on. */
    Clock settled() {
        return with(progress.close());
    }

    Clock with(Progress updated) {
        return next(state, metAt, breachedAt, stoppedAt, reassignAt, updated);
    }

    /** The same promise in another state: what it is about (kind, rep, span, start, deadline) never changes. */
    private Clock next(
            ClockState to,
            Optional<Instant> met,
            Optional<Instant> breached,
            Optional<Instant> stopped,
            Optional<Instant> reassignment,
            Progress updated) {
        return new Clock(
                kind,
                cycle,
                rep,
                span,
                startedAt,
                deadline,
                remindAt,
                to,
                met,
                breached,
                stopped,
                reassignment,
                updated);
    }
}
