package dev.baton.core.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A lead's clocks: the handoff cycle they belong to, whether it qualified as a priority lead, who holds it now and
 * whether they have touched it since it came to them, and every clock, oldest first (the ones running and the record
 * of those that ended).
 */
public record LeadClocks(int cycle, boolean priority, Optional<String> owner, boolean touched, List<Clock> clocks) {

    public LeadClocks {
        clocks = List.copyOf(clocks);
    }

    public static LeadClocks none() {
        return new LeadClocks(0, false, Optional.empty(), false, List.of());
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
        return new LeadClocks(cycle, priority, owner, touched, next);
    }

    LeadClocks plus(Clock started) {
        var next = new ArrayList<>(clocks);
        next.add(started);
        return new LeadClocks(cycle, priority, owner, touched, next);
    }

    /** A new handoff cycle: the clocks of the last one stay on record. */
    LeadClocks cycle(int next, boolean priorityLead) {
        return new LeadClocks(next, priorityLead, Optional.empty(), false, clocks);
    }

    LeadClocks ownedBy(Optional<String> rep) {
        return new LeadClocks(cycle, priority, rep, false, clocks);
    }

    LeadClocks touchedNow() {
        return new LeadClocks(cycle, priority, owner, true, clocks);
    }
}
