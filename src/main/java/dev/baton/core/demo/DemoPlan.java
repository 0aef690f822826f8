package dev.baton.core.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A generated funnel: its leads, the moves that make their history in time order, and the qualifications scoring
 * will decide on the way (the planner asks the agreement's own scorer), all between {@code from} and {@code to}.
 */
public record DemoPlan(
        long seed,
        Instant from,
        Instant to,
        List<DemoLead> leads,
        List<Move> moves,
        List<Qualification> qualifications) {

    /**
     * Engagement is taken in at the next tick after it happened, so that a stretch of history is one batch; the
     * planner scores as of that tick, as intake will.
     */
    public static final Duration TICK = Duration.ofHours(1);

    /** A lead that scoring will qualify: in which of its cycles, at which tick. */
    public record Qualification(String email, int cycle, Instant at) {}

    public DemoPlan {
        leads = List.copyOf(leads);
        moves = List.copyOf(moves);
        qualifications = List.copyOf(qualifications);
    }

    /** The tick at or after the moment: when engagement from then is taken in. */
    public static Instant tick(Instant at) {
        long step = TICK.toMillis();
        long millis = at.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(millis + step - 1, step) * step);
    }

    public Map<String, Long> leadsBySource() {
        return countLeads(DemoLead::source);
    }

    public Map<String, Long> leadsByTeam() {
        return countLeads(DemoLead::team);
    }

    /** How many moves of a kind the plan holds: its wins, losses, accepts… */
    public long count(Class<? extends Move> kind) {
        return moves.stream().filter(kind::isInstance).count();
    }

    public Map<String, Long> rejectionsByReason() {
        return moves.stream()
                .filter(Move.Reject.class::isInstance)
                .map(Move.Reject.class::cast)
                .collect(Collectors.groupingBy(Move.Reject::reasonCode, TreeMap::new, Collectors.counting()));
    }

    private Map<String, Long> countLeads(Function<DemoLead, String> key) {
        return leads.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
