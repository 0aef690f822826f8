package dev.baton.core.simulation;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.EventMatcher;
import dev.baton.core.agreement.Target;
import dev.baton.core.agreement.Team;
import dev.baton.core.lead.Facts;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import dev.baton.core.routing.Roster;
import dev.baton.core.routing.Rotation;
import dev.baton.core.routing.Router;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.routing.Seat;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A backtest of a draft against the active version over a period: each lead is replayed under both (see
 * {@link Replay}) and tallied; the draft's MQLs are then routed in the order they would have qualified, by the draft's
 * rules and rotations, to count each rep's load. Both versions are replayed the same way, so a draft that decides as
 * the active version does differs from it in nothing. Leads may be judged on several threads; they are added one at a
 * time.
 */
public final class Simulation {

    private static final int EXAMPLES = 5;

    private final Agreement draft;
    private final Replay draftReplay;
    private final Replay activeReplay;
    private final int activeVersion;
    private final Instant from;
    private final Instant to;
    private final ZoneId zone;
    private final int bandWidth;

    private long leads;
    private long draftMqls;
    private long activeMqls;
    private long recordedMqls;
    private final TreeMap<LocalDate, long[]> weeks = new TreeMap<>();
    private final Tally newly = new Tally();
    private final Tally noLonger = new Tally();
    private final Tally both = new Tally();
    private final TreeMap<Integer, long[]> bands = new TreeMap<>();
    private final TreeMap<Integer, long[]> eligible = new TreeMap<>();
    private final List<Qualified> toRoute = new ArrayList<>();

    private record Qualified(Instant at, long lead, Facts facts) {}

    /** A lead and what each version makes of it. */
    public record Judged(LeadHistory lead, Replay.Verdict draft, Replay.Verdict active) {}

    public Simulation(Agreement draft, Agreement active, int activeVersion, Instant from, Instant to, int bandWidth) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a simulation's period ends after it starts");
        }
        if (bandWidth < 1) {
            throw new IllegalArgumentException("a score band is at least 1 point wide");
        }
        this.draft = draft;
        this.draftReplay = new Replay(draft);
        this.activeReplay = new Replay(active);
        this.activeVersion = activeVersion;
        this.from = from;
        this.to = to;
        this.zone = draft.calendar().timezone();
        this.bandWidth = bandWidth;
        for (LocalDate week = weekOf(from); week.isBefore(weekOf(to).plusDays(1)); week = week.plusWeeks(1)) {
            if (week.atStartOfDay(zone).toInstant().isBefore(to)) {
                weeks.put(week, new long[3]);
            }
        }
    }

    /**
     * The event types some rule of either version reads, each with whether a rule reads its properties: events of
     * other types change no score, and the properties of the others are never looked at.
     */
    public Map<String, Boolean> eventTypes() {
        var types = new TreeMap<String, Boolean>();
        for (Replay replay : List.of(draftReplay, activeReplay)) {
            for (EventMatcher matcher : replay.eventMatchers()) {
                types.merge(matcher.eventType(), !matcher.where().isEmpty(), Boolean::logicalOr);
            }
        }
        return types;
    }

    /** Replays a lead under both versions; safe to call from several threads. */
    public Judged judge(LeadHistory lead) {
        return new Judged(lead, draftReplay.replay(lead, from, to), activeReplay.qualification(lead, from, to));
    }

    public synchronized void add(Judged judged) {
        LeadHistory lead = judged.lead();
        Outcome outcome = lead.outcome();
        for (Instant recorded : outcome.qualifiedAt()) {
            if (within(recorded)) {
                recordedMqls++;
                week(recorded)[2]++;
            }
        }
        boolean byDraft = judged.draft().qualifiedIn(from, to);
        boolean byActive = judged.active().qualifiedIn(from, to);
        if (byDraft) {
            Instant at = judged.draft().qualifiedAt().orElseThrow();
            draftMqls++;
            week(at)[0]++;
            toRoute.add(new Qualified(at, lead.id(), lead.facts()));
        }
        if (byActive) {
            activeMqls++;
            week(judged.active().qualifiedAt().orElseThrow())[1]++;
        }
        if (byDraft && byActive) {
            both.add(lead);
        } else if (byDraft) {
            newly.add(lead);
        } else if (byActive) {
            noLonger.add(lead);
        }
        if (judged.draft().inPeriod()) {
            leads++;
            long[] band = bands.computeIfAbsent(
                    Math.floorDiv(judged.draft().peak(), bandWidth) * bandWidth, b -> new long[3]);
            band[0]++;
            band[1] += outcome.sql() ? 1 : 0;
            band[2] += outcome.won() ? 1 : 0;
            if (judged.draft().peakEligible() != Replay.NO_SCORE) {
                long[] at = eligible.computeIfAbsent(judged.draft().peakEligible(), s -> new long[2]);
                at[0]++;
                at[1] += outcome.sql() ? 1 : 0;
            }
        }
    }

    public synchronized SimulationReport report() {
        Optional<Double> weeklyTarget = weeklyTarget(draft);
        Optional<Double> sqlTarget = atLeast(draft, Metric.MQL_TO_SQL_RATE).map(Measure::inFigures);
        Optional<Integer> suggested = sqlTarget.flatMap(this::lowestThresholdMeeting);
        var calibration = bands.entrySet().stream()
                .map(e -> new SimulationReport.Band(
                        e.getKey(), e.getKey() + bandWidth, e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        var weekRows = weeks.entrySet().stream()
                .map(e -> new SimulationReport.Week(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        Routed routed = route();
        var report = new SimulationReport(
                from,
                to,
                zone.getId(),
                activeVersion,
                leads,
                draftMqls,
                activeMqls,
                recordedMqls,
                weeklyTarget,
                weekRows,
                newly.group(),
                noLonger.group(),
                both.group(),
                draftReplay.threshold(),
                bandWidth,
                calibration,
                sqlTarget,
                suggested,
                routed.load(),
                routed.unroutable());
        return report;
    }

    /**
     * The lowest score, among the highest scores the leads reached while the rule's other conditions held, at which
     * the leads at or above it reached SQL at the target's rate or better.
     */
    private Optional<Integer> lowestThresholdMeeting(double target) {
        long count = 0;
        long sql = 0;
        Optional<Integer> lowest = Optional.empty();
        for (Map.Entry<Integer, long[]> at : eligible.descendingMap().entrySet()) {
            count += at.getValue()[0];
            sql += at.getValue()[1];
            if (at.getKey() >= 0 && (double) sql / count >= target) {
                lowest = Optional.of(at.getKey());
            }
        }
        return lowest;
    }

    private record Routed(List<SimulationReport.RepLoad> load, long unroutable) {}

    private Routed route() {
        var rotations = new HashMap<String, Rotation>();
        var capacity = new LinkedHashMap<String, OptionalInt>();
        var teamOf = new LinkedHashMap<String, String>();
        for (Team team : draft.teams()) {
            var seats = new ArrayList<Seat>();
            for (Team.Rep rep : team.reps()) {
                seats.add(new Seat(rep.email(), rep.weight(), rep.capacity(), 0, true, List.of(), 0));
                capacity.putIfAbsent(rep.email(), rep.capacity());
                teamOf.putIfAbsent(rep.email(), team.name());
            }
            rotations.put(team.name(), new Rotation(team.name(), 0, seats));
        }
        Roster roster = Roster.of(rotations);
        Router router = new Router(draft.routing());
        var perRep = new LinkedHashMap<String, TreeMap<LocalDate, Long>>();
        teamOf.keySet().forEach(rep -> perRep.put(rep, new TreeMap<>()));
        long unroutable = 0;
        toRoute.sort(Comparator.comparing(Qualified::at).thenComparing(Qualified::lead));
        for (Qualified lead : toRoute) {
            Router.Outcome outcome = router.route(lead.facts(), Optional.empty(), roster, lead.at());
            outcome.rotation().ifPresent(rotation -> rotations.put(rotation.team(), rotation));
            if (outcome.decision() instanceof RoutingDecision.Assigned assigned) {
                assigned.team().ifPresent(team -> teamOf.putIfAbsent(assigned.rep(), team));
                perRep.computeIfAbsent(assigned.rep(), rep -> new TreeMap<>()).merge(weekOf(lead.at()), 1L, Long::sum);
            } else {
                unroutable++;
            }
        }
        var load = new ArrayList<SimulationReport.RepLoad>();
        perRep.forEach((rep, byWeek) -> {
            OptionalInt cap = capacity.getOrDefault(rep, OptionalInt.empty());
            List<LocalDate> over = byWeek.entrySet().stream()
                    .filter(e -> cap.isPresent() && e.getValue() > cap.getAsInt())
                    .map(Map.Entry::getKey)
                    .toList();
            load.add(new SimulationReport.RepLoad(
                    rep,
                    teamOf.getOrDefault(rep, ""),
                    cap.isPresent() ? Optional.of(cap.getAsInt()) : Optional.empty(),
                    byWeek.values().stream().mapToLong(Long::longValue).sum(),
                    byWeek.values().stream().mapToLong(Long::longValue).max().orElse(0),
                    weeks.keySet().stream().map(w -> byWeek.getOrDefault(w, 0L)).toList(),
                    over));
        });
        return new Routed(load, unroutable);
    }

    private boolean within(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private long[] week(Instant at) {
        return weeks.computeIfAbsent(weekOf(at), w -> new long[3]);
    }

    private LocalDate weekOf(Instant at) {
        return at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The draft's MQL volume target per week: a weekly one, or a monthly one spread over the weeks of a year. */
    static Optional<Double> weeklyTarget(Agreement agreement) {
        return atLeast(agreement, Metric.MQLS_PER_WEEK)
                .map(Measure::inFigures)
                .or(() -> atLeast(agreement, Metric.MQLS_PER_MONTH).map(m -> m.inFigures() * 12 / 52));
    }

    private static Optional<Measure> atLeast(Agreement agreement, Metric metric) {
        return agreement.targets().stream()
                .filter(t -> t.metric() == metric)
                .map(Target::atLeast)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The leads of one group and how they went on. */
    private static final class Tally {
        private long leads;
        private long sql;
        private long opportunities;
        private long won;
        private final Map<String, BigDecimal> revenue = new TreeMap<>();
        private final List<Long> examples = new ArrayList<>();

        void add(LeadHistory lead) {
            Outcome outcome = lead.outcome();
            leads++;
            sql += outcome.sql() ? 1 : 0;
            opportunities += outcome.opportunity() ? 1 : 0;
            won += outcome.won() ? 1 : 0;
            outcome.revenue().forEach((currency, amount) -> revenue.merge(currency, amount, BigDecimal::add));
            if (examples.size() < EXAMPLES) {
                examples.add(lead.id());
            }
        }

        SimulationReport.Group group() {
            return new SimulationReport.Group(
                    leads,
                    sql,
                    opportunities,
                    won,
                    revenue,
                    examples.stream().sorted().toList());
        }
    }
}
