package dev.baton.core.sla;

import dev.baton.core.calendar.BusinessCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A lead's clocks: the handoff cycle they belong to, when it qualified and whether as a priority lead, when anyone
 * first touched it in this cycle, who holds it now and whether they have touched it since it came to them, and every
 * clock, oldest first (the ones running and the record of those that ended).
 */
public record LeadClocks(
        int cycle,
        boolean priority,
        Optional<Instant> qualifiedAt,
        Optional<Instant> respondedAt,
        Optional<String> owner,
        boolean touched,
        List<Clock> clocks) {

    public LeadClocks {
        clocks = List.copyOf(clocks);
    }

    public static LeadClocks none() {
        return new LeadClocks(0, false, Optional.empty(), Optional.empty(), Optional.empty(), false, List.of());
    }

    public List<Clock> running() {
        return clocks.stream().filter(Clock::isRunning).toList();
    }

    /** The clock of a kind started last, if there is one. */
    public Optional<Clock> latest(ClockKind kind) {
        for (int i = clocks.size() - 1; i >= 0; i--) {
            if (clocks.get(i).kind() == kind) {
                return Optional.of(clocks.get(i));
            }
        }
        return Optional.empty();
    }

    /** The earliest moment a timer must look at these clocks; empty when nothing is pending. */
    public Optional<Instant> nextDue() {
        return clocks.stream().map(Clock::nextDue).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    LeadClocks replace(Clock before, Clock after) {
        var next = new ArrayList<>(clocks);
        next.set(clocks.indexOf(before), after);
        return new LeadClocks(cycle, priority, qualifiedAt, respondedAt, owner, touched, next);
    }

    LeadClocks plus(Clock started) {
        var next = new ArrayList<>(clocks);
        next.add(started);
        return new LeadClocks(cycle, priority, qualifiedAt, respondedAt, owner, touched, next);
    }

    /** A new handoff cycle: the clocks of the last one stay on record. */
    LeadClocks cycle(int next, boolean priorityLead, Instant at) {
        return new LeadClocks(next, priorityLead, Optional.of(at), Optional.empty(), Optional.empty(), false, clocks);
    }

    LeadClocks ownedBy(Optional<String> rep) {
        return new LeadClocks(cycle, priority, qualifiedAt, respondedAt, rep, false, clocks);
    }

    LeadClocks touchedAt(Instant at) {
        return new LeadClocks(cycle, priority, qualifiedAt, respondedAt.or(() -> Optional.of(at)), owner, true, clocks);
    }

    /** How long the lead waited for its first touch in this cycle, once it had one. */
    Optional<ResponseTime> response(Function<Optional<String>, BusinessCalendar> calendars) {
        if (qualifiedAt.isEmpty() || respondedAt.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ResponseTime.of(cycle, qualifiedAt.get(), respondedAt.get(), owner, calendars.apply(owner)));
    }
}
