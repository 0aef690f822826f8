package dev.baton.core.sla;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.SlaTimers;
import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.Span;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.lifecycle.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agreement's service levels as rules over a lead's clocks: which clocks an event starts, meets or stops, and
 * what a timer does when a reminder, a deadline or a reassignment falls due. Pure: the caller stores the clocks, acts
 * on the events (notices, routing again, closing an unresponsive lead) and tells the clocks what followed.
 */
public final class SlaPolicy {

    /** What an event or a timer did to a lead's clocks. */
    public record Reaction(LeadClocks clocks, List<ClockEvent> events) {
        public Reaction {
            events = List.copyOf(events);
        }
    }

    private final SlaTimers sla;
    private final Function<Optional<String>, BusinessCalendar> calendars;

    /** The service levels of an agreement; a rep's clocks run on the calendar in the rep's timezone. */
    public SlaPolicy(Agreement agreement) {
        this(
                agreement.sla(),
                rep -> rep.map(agreement::calendarOf)
                        .orElseGet(() -> agreement.calendar().calendar()));
    }

    public SlaPolicy(SlaTimers sla, Function<Optional<String>, BusinessCalendar> calendars) {
        this.sla = sla;
        this.calendars = calendars;
    }

    /** How long the lead waited for its first touch in this cycle, on the calendar of the rep who holds it. */
    public Optional<ResponseTime> response(LeadClocks clocks) {
        return clocks.response(calendars);
    }

    /** The calendar a clock runs on: its rep's, or the agreement's for a clock nobody holds yet. */
    public BusinessCalendar calendarOf(Clock clock) {
        return calendars.apply(clock.rep());
    }

    public Reaction react(LeadClocks clocks, HandoffEvent event) {
        var step = new Step(clocks);
        if (event instanceof HandoffEvent.StageMoved moved) {
            stageMoved(step, moved.change());
        } else if (event instanceof HandoffEvent.Assigned assigned) {
            assigned(step, assigned);
        } else if (event instanceof HandoffEvent.Queued queued) {
            step.stopRepClocks(queued.at(), "the lead went to the queue " + queued.queue());
        } else if (event instanceof HandoffEvent.Touched touched) {
            touched(step, touched);
        }
        return step.reaction();
    }

    /** Everything due at or before {@code now}, in the order it fell due, each at its own time. */
    public Reaction due(LeadClocks clocks, Instant now) {
        var step = new Step(clocks);
        for (Optional<Clock> next = nextDue(step.clocks, now); next.isPresent(); next = nextDue(step.clocks, now)) {
            fire(step, next.get());
        }
        return step.reaction();
    }

    private static Optional<Clock> nextDue(LeadClocks clocks, Instant now) {
        return clocks.clocks().stream()
                .filter(clock ->
                        clock.nextDue().filter(due -> !due.isAfter(now)).isPresent())
                .min(Comparator.comparing(clock -> clock.nextDue().orElseThrow()));
    }

    private void fire(Step step, Clock clock) {
        Instant due = clock.nextDue().orElseThrow();
        Clock.Progress progress = clock.progress();
        if (clock.isRunning() && clock.remindAt().filter(due::equals).isPresent() && !progress.reminded()) {
            Clock reminded = clock.with(progress.remind());
            step.replace(clock, reminded, new ClockEvent.ReminderDue(reminded, due));
        } else if (clock.isRunning()) {
            Optional<Instant> reassignAt = clock.kind().reassignsOnLongBreach()
                    ? sla.reassignAfter().map(span -> calendarOf(clock).plus(clock.deadline(), span))
                    : Optional.empty();
            Clock breached = clock.breached(reassignAt);
            step.replace(clock, breached, new ClockEvent.ClockBreached(breached, clock.deadline()));
        } else if (clock.kind() == ClockKind.ATTEMPTS && clock.state() == ClockState.MET) {
            Clock closed = clock.with(progress.close());
            Optional<String> reason = sla.attempts().flatMap(SlaTimers.Attempts::reason);
            step.replace(clock, closed, new ClockEvent.LeadUnresponsive(closed, due, reason));
        } else {
            Clock reassigning = clock.with(progress.reassign());
            step.replace(clock, reassigning, new ClockEvent.ReassignmentDue(reassigning, due));
        }
    }

    private void stageMoved(Step step, StageChange change) {
        Instant at = change.at();
        if (change instanceof StageChange.LeadQualified qualified) {
            step.stopAll(at, "the lead qualified again");
            step.clocks =
                    step.clocks.cycle(qualified.cycle(), !qualified.priority().isEmpty(), at);
            sla.routeWithin().ifPresent(span -> step.start(ClockKind.ROUTE, Optional.empty(), span, at));
            return;
        }
        if (change.to() == Stage.ACCEPTED || change.to() == Stage.REJECTED) {
            step.meet(ClockKind.ACCEPT, at);
        }
        if (change.to() == Stage.SQL || decidesFromHandoff(change)) {
            step.meet(ClockKind.DISPOSITION, at);
        }
        if (change.to() != Stage.MQL && change.to() != Stage.ACCEPTED) {
            step.stopAll(at, "the lead moved to " + change.to().word());
        }
    }

    /** Nurture, recycle or disqualify by sales: a decision on the lead, as SQL is. */
    private static boolean decidesFromHandoff(StageChange change) {
        return (change.from() == Stage.MQL || change.from() == Stage.ACCEPTED)
                && (change.to() == Stage.NURTURE || change.to() == Stage.RECYCLED || change.to() == Stage.DISQUALIFIED);
    }

    private void assigned(Step step, HandoffEvent.Assigned assigned) {
        Instant at = assigned.at();
        Optional<String> rep = Optional.of(assigned.rep());
        step.meet(ClockKind.ROUTE, at);
        step.stopRepClocks(at, "the lead was reassigned to " + assigned.rep());
        // a lead already accepted (or rejected) in this cycle is not accepted again by the rep it moves to
        boolean decided = step.clocks
                .latest(ClockKind.ACCEPT)
                .filter(accept ->
                        accept.cycle() == step.clocks.cycle() && accept.metAt().isPresent())
                .isPresent();
        step.clocks = step.clocks.ownedBy(rep);
        if (!decided) {
            sla.acceptWithin().ifPresent(span -> step.start(ClockKind.ACCEPT, rep, span, at));
        }
        Optional<Span> firstTouch = step.clocks.priority()
                ? sla.priorityFirstTouchWithin().or(sla::firstTouchWithin)
                : sla.firstTouchWithin();
        firstTouch.ifPresent(span -> step.start(ClockKind.FIRST_TOUCH, rep, span, at));
        sla.attempts().ifPresent(attempts -> step.start(ClockKind.ATTEMPTS, rep, attempts.within(), at));
    }

    private void touched(Step step, HandoffEvent.Touched touched) {
        Instant at = touched.at();
        if (step.clocks.owner().isEmpty()) {
            return;
        }
        if (!step.clocks.touched()) {
            step.clocks = step.clocks.touchedAt(at);
            step.meet(ClockKind.FIRST_TOUCH, at);
            sla.dispositionWithin().ifPresent(span -> step.start(ClockKind.DISPOSITION, step.clocks.owner(), span, at));
        }
        step.clocks
                .latest(ClockKind.ATTEMPTS)
                .filter(clock -> clock.rep().equals(step.clocks.owner())
                        && !clock.progress().closed())
                .filter(clock -> clock.state() != ClockState.STOPPED)
                .ifPresent(clock -> countAttempt(step, clock, touched));
    }

    private void countAttempt(Step step, Clock clock, HandoffEvent.Touched touched) {
        Clock counted = clock.with(clock.progress().count(touched.attempt(), touched.answered()));
        int required = sla.attempts().map(SlaTimers.Attempts::atLeast).orElse(Integer.MAX_VALUE);
        if (clock.isOpen() && (counted.progress().attempts() >= required || touched.answered())) {
            Clock met = counted.met(touched.at());
            step.replace(clock, met, event(met, touched.at()));
        } else {
            step.replace(clock, counted);
        }
    }

    private static ClockEvent event(Clock met, Instant at) {
        return met.state() == ClockState.BREACHED
                ? new ClockEvent.ClockMetLate(met, at)
                : new ClockEvent.ClockMet(met, at);
    }

    /** The clocks as one reaction goes on changing them, and the events it has caused so far. */
    private final class Step {
        LeadClocks clocks;
        final List<ClockEvent> events = new ArrayList<>();

        Step(LeadClocks clocks) {
            this.clocks = clocks;
        }

        Optional<Clock> open(ClockKind kind) {
            return clocks.latest(kind).filter(Clock::isOpen);
        }

        void start(ClockKind kind, Optional<String> rep, Span span, Instant at) {
            BusinessCalendar calendar = calendars.apply(rep);
            Instant deadline = calendar.plus(at, span);
            Optional<Instant> remindAt = sla.remindBefore().map(before -> calendar.minus(deadline, before));
            Clock clock = Clock.start(kind, clocks.cycle(), rep, span, at, deadline, remindAt);
            clocks = clocks.plus(clock);
            events.add(new ClockEvent.ClockStarted(clock, at));
        }

        void meet(ClockKind kind, Instant at) {
            open(kind).ifPresent(clock -> {
                Clock met = clock.met(at);
                replace(clock, met, event(met, at));
            });
        }

        void stopRepClocks(Instant at, String why) {
            stop(at, why, ClockKind::isRepClock);
        }

        void stopAll(Instant at, String why) {
            stop(at, why, kind -> true);
        }

        /** Running clocks stop; ended ones that still wait on a timer (a reassignment, a check for an answer) settle. */
        private void stop(Instant at, String why, java.util.function.Predicate<ClockKind> which) {
            for (Clock clock : clocks.clocks()) {
                if (!which.test(clock.kind())) {
                    continue;
                }
                if (clock.isRunning()) {
                    Clock stopped = clock.stopped(at);
                    replace(clock, stopped, new ClockEvent.ClockStopped(stopped, at, why));
                } else if (clock.nextDue().isPresent()) {
                    replace(clock, clock.settled());
                }
            }
        }

        void replace(Clock before, Clock after, ClockEvent event) {
            clocks = clocks.replace(before, after);
            events.add(event);
        }

        void replace(Clock before, Clock after) {
            clocks = clocks.replace(before, after);
        }

        Reaction reaction() {
            return new Reaction(clocks, events);
        }
    }
}
