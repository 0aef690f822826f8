package dev.baton.core.scoring;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.EventMatcher;
import dev.baton.core.agreement.FitRule;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.MqlRule;
import dev.baton.core.agreement.NegativeRule;
import dev.baton.core.agreement.PriorityRule;
import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.Span;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Scores a lead against one agreement: a pure function of the lead's facts, its engagement events and an instant.
 * Events later than the instant are ignored, so a lead can be scored as it stood at any point in its history.
 *
 * <p>Events are read once, into a {@link ScoringTrace} of the rules each matches; the score is computed from the
 * trace. A lead's trace can be kept and extended with new events ({@link #extend}), so that scoring after an event
 * does not read the lead's history again.
 */
public final class Scorer {

    private final Agreement agreement;
    private final EventRules rules;
    private final Map<String, Integer> intentBits = new HashMap<>();
    // per priority rule, in the agreement's order: the intent rule a recent-signal rule watches, and how recent
    private final IntentRule[] prioritySignals;
    private final Lookback[] priorityWithin;
    // per negative rule, in the agreement's order: its event rule's bit (-1 for a rule on a field)
    private final int[] negativeBits;
    // per intent rule, in the agreement's order (the rule's bit): its window and half-life (null for none)
    private final Lookback[] windows;
    private final Lookback[] halfLives;
    // the intent rules the MQL rule counts as signals, in their order: bit, and how recent (null for ever)
    private final int[] countedBits;
    private final Lookback[] countedWithin;

    public Scorer(Agreement agreement) {
        this.agreement = agreement;
        // business windows and half-lives count on the agreement's own calendar: a lead has no rep when it is scored
        BusinessCalendar calendar = agreement.calendar().calendar();
        var matchers = new ArrayList<EventMatcher>();
        List<IntentRule> intent = agreement.intent();
        windows = new Lookback[intent.size()];
        halfLives = new Lookback[intent.size()];
        for (IntentRule rule : intent) {
            windows[matchers.size()] =
                    rule.window().map(w -> new Lookback(w, calendar)).orElse(null);
            halfLives[matchers.size()] =
                    rule.halfLife().map(h -> new Lookback(h, calendar)).orElse(null);
            intentBits.put(rule.name(), matchers.size());
            matchers.add(rule.event());
        }
        int firstEver = matchers.size();
        negativeBits = new int[agreement.negative().size()];
        for (int n = 0; n < negativeBits.length; n++) {
            negativeBits[n] = -1;
            if (agreement.negative().get(n) instanceof NegativeRule.OnEvent onEvent) {
                negativeBits[n] = matchers.size();
                matchers.add(onEvent.event());
            }
        }
        this.rules = new EventRules(matchers, firstEver, horizonOf(agreement), calendar);
        List<PriorityRule> priority = agreement.priority();
        prioritySignals = new IntentRule[priority.size()];
        priorityWithin = new Lookback[priority.size()];
        for (int p = 0; p < priority.size(); p++) {
            if (priority.get(p) instanceof PriorityRule.RecentSignal recent) {
                prioritySignals[p] = intentRule(agreement, recent.signal());
                priorityWithin[p] = recent.within()
                        .or(prioritySignals[p]::window)
                        .map(span -> new Lookback(span, calendar))
                        .orElse(null);
            }
        }
        Optional<MqlRule.Signals> wanted = agreement.mql().signals();
        List<IntentRule> counted = wanted.map(s ->
                        s.of().stream().map(name -> intentRule(agreement, name)).toList())
                .orElse(intent);
        countedBits = new int[counted.size()];
        countedWithin = new Lookback[counted.size()];
        for (int i = 0; i < counted.size(); i++) {
            IntentRule rule = counted.get(i);
            countedBits[i] = intentBits.get(rule.name());
            countedWithin[i] = wanted.map(MqlRule.Signals::within)
                    .or(rule::window)
                    .map(span -> new Lookback(span, calendar))
                    .orElse(null);
        }
    }

    public Agreement agreement() {
        return agreement;
    }

    /**
     * Where, looking back from {@code now}, events stop being able to change a score: the start of the longest window
     * of any intent rule, signal requirement or priority rule; empty when some rule looks back forever. Events of the
     * types in {@link #everEventTypes()} count at any age.
     */
    public Optional<Instant> lookbackFrom(Instant now) {
        return rules.cutoff(now);
    }

    private static Optional<List<Span>> horizonOf(Agreement agreement) {
        var spans = new ArrayList<Optional<Span>>();
        agreement.intent().forEach(rule -> spans.add(rule.window()));
        agreement.mql().signals().ifPresent(s -> spans.add(Optional.of(s.within())));
        for (PriorityRule rule : agreement.priority()) {
            if (rule instanceof PriorityRule.RecentSignal recent) {
                spans.add(recent.within()
                        .or(() -> intentRule(agreement, recent.signal()).window()));
            }
        }
        if (spans.isEmpty() || spans.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return Optional.of(spans.stream().map(Optional::get).distinct().toList());
    }

    /**
     * What picks the events any rule reads — intent rules and negative rules on events: an event none of them matches
     * changes no score and is never kept in a trace.
     */
    public List<EventMatcher> eventMatchers() {
        return rules.matchers;
    }

    /** The types of the events any rule reads (see {@link #eventMatchers()}). */
    public java.util.Set<String> eventTypes() {
        var types = new java.util.TreeSet<String>();
        rules.matchers.forEach(matcher -> types.add(matcher.eventType()));
        return types;
    }

    /** The event types of negative rules, which apply once such an event has ever happened. */
    public java.util.Set<String> everEventTypes() {
        var types = new java.util.TreeSet<String>();
        for (NegativeRule rule : agreement.negative()) {
            if (rule instanceof NegativeRule.OnEvent onEvent) {
                types.add(onEvent.event().eventType());
            }
        }
        return types;
    }

    /**
     * The fingerprint of this agreement's event rules and horizon: a trace made by another scorer with the same
     * fingerprint is as good as one made by this one.
     */
    public long traceRules() {
        return rules.fingerprint;
    }

    /** The trace of these events as of an instant: what of them can still count then or later. */
    public ScoringTrace trace(Collection<EngagementEvent> events, Instant now) {
        return rules.trace(events, now);
    }

    /** The trace with more events added, as of an instant; the trace must be one of this scorer's rules. */
    public ScoringTrace extend(ScoringTrace trace, Collection<EngagementEvent> events, Instant now) {
        return rules.extend(own(trace), events, now);
    }

    /**
     * The trace of the engagement after an instant only: what counts toward the next qualification of a lead that
     * sales sent back. The rules on events that count at any age (the negative ones) still see the whole trace.
     */
    public ScoringTrace since(ScoringTrace trace, Instant after) {
        return rules.since(own(trace), after);
    }

    public ScoreCard score(Facts facts, Collection<EngagementEvent> events, Instant now) {
        return score(facts, trace(events, now), now);
    }

    /** The score card: the score and a line per rule that counted, with its evidence. */
    public ScoreCard score(Facts facts, ScoringTrace trace, Instant now) {
        var lines = new ArrayList<ScoreLine>();
        Score score = judge(facts, trace, now, lines);
        return new ScoreCard(now, score.fit(), score.intent(), lines, score.signals(), score.mql(), score.priority());
    }

    /** The score without the lines that explain it. */
    public Score judge(Facts facts, ScoringTrace trace, Instant now) {
        return judge(factPoints(facts), trace, now);
    }

    /**
     * The points a lead's facts alone give — its fit rules and its negative rules on fields —, the same at every
     * instant: worked out once, for judging one lead at many instants with {@link #judge(int, ScoringTrace, Instant)}.
     */
    public int factPoints(Facts facts) {
        int points = 0;
        for (FitRule rule : agreement.fit()) {
            if (rule.condition().test(facts)) {
                points += rule.points();
            }
        }
        for (NegativeRule rule : agreement.negative()) {
            if (rule instanceof NegativeRule.OnField onField
                    && onField.condition().test(facts)) {
                points += rule.points();
            }
        }
        return points;
    }

    /** The score, the facts' points given ({@link #factPoints}). */
    public Score judge(int factPoints, ScoringTrace trace, Instant now) {
        own(trace);
        int fit = factPoints;
        for (int n = 0; n < negativeBits.length; n++) {
            if (negativeBits[n] >= 0 && firstMatch(trace, negativeBits[n], now) >= 0) {
                fit += agreement.negative().get(n).points();
            }
        }
        int intent = intent(trace, now, null);
        List<String> signals = signals(trace, now);
        int total = fit + intent;
        return new Score(now, fit, intent, signals, decide(total, fit, signals), priority(total, trace, now));
    }

    /** Where in the trace the first event up to now matching a rule is; -1 when there is none. */
    private static int firstMatch(ScoringTrace trace, int bit, Instant now) {
        for (int i = 0; i < trace.size() && !trace.at(i).isAfter(now); i++) {
            if (trace.matches(i, bit)) {
                return i;
            }
        }
        return -1;
    }

    /** The intent points; each rule that counted adds its line to {@code lines}, unless there are none to add to. */
    private int intent(ScoringTrace trace, Instant now, @Nullable List<ScoreLine> lines) {
        int intent = 0;
        List<IntentRule> intentRules = agreement.intent();
        IntentTally[] tallies = IntentTally.all(intentRules, windows, halfLives, trace, now);
        for (int bit = 0; bit < intentRules.size(); bit++) {
            IntentRule rule = intentRules.get(bit);
            IntentTally tally = tallies[bit];
            if (tally.count() > 0 && tally.points() > 0) {
                intent += tally.points();
                if (lines != null) {
                    lines.add(new ScoreLine(
                            rule.name(), ScoreLine.Source.INTENT, tally.points(), tally.evidence(rule), tally.last()));
                }
            }
        }
        return intent;
    }

    /** The score, each rule that counted adding its line to {@code lines}. */
    private Score judge(Facts facts, ScoringTrace trace, Instant now, List<ScoreLine> lines) {
        own(trace);
        int fit = 0;
        for (FitRule rule : agreement.fit()) {
            if (rule.condition().test(facts)) {
                fit += rule.points();
                if (lines != null) {
                    lines.add(new ScoreLine(
                            rule.name(),
                            ScoreLine.Source.FIT,
                            rule.points(),
                            rule.condition().evidence(facts),
                            Optional.empty()));
                }
            }
        }
        for (int n = 0; n < negativeBits.length; n++) {
            NegativeRule rule = agreement.negative().get(n);
            Optional<ScoreLine> line = negative(rule, negativeBits[n], facts, trace, now);
            if (line.isPresent()) {
                fit += rule.points();
                if (lines != null) {
                    lines.add(line.get());
                }
            }
        }
        int intent = intent(trace, now, lines);
        List<String> signals = signals(trace, now);
        int total = fit + intent;
        return new Score(now, fit, intent, signals, decide(total, fit, signals), priority(total, trace, now));
    }

    private ScoringTrace own(ScoringTrace trace) {
        if (trace.rules() != rules.fingerprint) {
            throw new IllegalArgumentException("the trace was made for other event rules than this agreement's");
        }
        return trace;
    }

    private Optional<ScoreLine> negative(NegativeRule rule, int bit, Facts facts, ScoringTrace trace, Instant now) {
        if (rule instanceof NegativeRule.OnField onField && onField.condition().test(facts)) {
            return Optional.of(new ScoreLine(
                    rule.name(),
                    ScoreLine.Source.NEGATIVE,
                    rule.points(),
                    onField.condition().evidence(facts),
                    Optional.empty()));
        }
        if (rule instanceof NegativeRule.OnEvent onEvent) {
            int i = firstMatch(trace, bit, now);
            if (i >= 0) {
                return Optional.of(new ScoreLine(
                        rule.name(),
                        ScoreLine.Source.NEGATIVE,
                        rule.points(),
                        onEvent.event().eventType() + " on " + trace.at(i),
                        Optional.of(trace.at(i))));
            }
        }
        return Optional.empty();
    }

    /**
     * The intent rules (among those the MQL rule counts) with a matching event inside the signal window. Each event is
     * evidence for one signal only — the first counted rule it matches — so that one page view is never two distinct
     * signals; agreements list their most specific signals first.
     */
    private List<String> signals(ScoringTrace trace, Instant now) {
        var fired = new boolean[countedBits.length];
        for (int i = 0; i < trace.size() && !trace.at(i).isAfter(now); i++) {
            for (int c = 0; c < countedBits.length; c++) {
                if (trace.matches(i, countedBits[c])) {
                    if (countedWithin[c] == null || trace.at(i).isAfter(countedWithin[c].from(now))) {
                        fired[c] = true;
                    }
                    break;
                }
            }
        }
        var signals = new ArrayList<String>();
        for (int c = 0; c < countedBits.length; c++) {
            if (fired[c]) {
                signals.add(agreement.intent().get(countedBits[c]).name());
            }
        }
        return signals;
    }

    private boolean hasEventWithin(IntentRule rule, ScoringTrace trace, Instant now, Optional<Lookback> within) {
        Instant after = within.map(lookback -> lookback.from(now)).orElse(Instant.MIN);
        int bit = intentBits.get(rule.name());
        for (int i = 0; i < trace.size() && !trace.at(i).isAfter(now); i++) {
            if (trace.at(i).isAfter(after) && trace.matches(i, bit)) {
                return true;
            }
        }
        return false;
    }

    private MqlDecision decide(int total, int fit, List<String> signals) {
        MqlRule rule = agreement.mql();
        var met = new ArrayList<String>();
        var missing = new ArrayList<String>();
        check(
                total >= rule.threshold(),
                met,
                missing,
                "score " + total + " ≥ " + rule.threshold(),
                "score " + total + " < " + rule.threshold() + " (" + (rule.threshold() - total) + " short)");
        if (rule.minFit() > 0) {
            check(
                    fit >= rule.minFit(),
                    met,
                    missing,
                    "fit " + fit + " ≥ " + rule.minFit(),
                    "fit " + fit + " < " + rule.minFit());
        }
        rule.signals().ifPresent(wanted -> {
            int short_ = wanted.atLeast() - signals.size();
            check(
                    short_ <= 0,
                    met,
                    missing,
                    signals.size() + (signals.size() == 1 ? " signal ≥ " : " signals ≥ ") + wanted.atLeast(),
                    "needs " + (short_ == 1 ? "one more intent signal" : short_ + " more intent signals")
                            + " in the last " + wanted.within().describe());
        });
        if (missing.isEmpty()) {
            return new MqlDecision(true, "qualified: " + String.join(", ", met));
        }
        return new MqlDecision(false, "not yet: " + String.join("; ", missing));
    }

    private static void check(boolean ok, List<String> met, List<String> missing, String yes, String no) {
        (ok ? met : missing).add(ok ? yes : no);
    }

    private List<PriorityFlag> priority(int total, ScoringTrace trace, Instant now) {
        var flags = new ArrayList<PriorityFlag>();
        for (int p = 0; p < prioritySignals.length; p++) {
            PriorityRule rule = agreement.priority().get(p);
            if (rule instanceof PriorityRule.ScoreAtLeast atLeast && total >= atLeast.score()) {
                flags.add(new PriorityFlag(rule.name(), "score " + total + " ≥ " + atLeast.score()));
            } else if (rule instanceof PriorityRule.RecentSignal recent) {
                IntentRule signal = prioritySignals[p];
                Optional<Lookback> within = Optional.ofNullable(priorityWithin[p]);
                if (hasEventWithin(signal, trace, now, within)) {
                    flags.add(new PriorityFlag(
                            rule.name(),
                            signal.name()
                                    + within.map(d -> " in the last " + describe(recent, signal))
                                            .orElse(" seen")));
                }
            }
        }
        return flags;
    }

    private static String describe(PriorityRule.RecentSignal recent, IntentRule signal) {
        return recent.within().or(signal::window).map(span -> span.describe()).orElse("");
    }

    private static IntentRule intentRule(Agreement agreement, String name) {
        return agreement.intent().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("agreement refers to unknown intent rule " + name));
    }

    /**
     * Event rules in bit order — the intent rules, then the negative rules on events, which count at any age — and the
     * horizon beyond which the others no longer count.
     */
    static final class EventRules {

        private final List<EventMatcher> matchers;
        private final int firstEver;
        // the spans the horizon is the longest of, each ending at the scoring instant; empty for forever
        private final Optional<List<Lookback>> horizon;
        private final int words;
        private final long fingerprint;

        EventRules(
                List<EventMatcher> matchers, int firstEver, Optional<List<Span>> horizon, BusinessCalendar calendar) {
            this.matchers = List.copyOf(matchers);
            this.firstEver = firstEver;
            this.horizon = horizon.map(spans ->
                    spans.stream().map(span -> new Lookback(span, calendar)).toList());
            this.words = Math.max(1, (matchers.size() + 63) / 64);
            var described = new StringBuilder();
            matchers.forEach(m -> described.append(m.describe()).append('\u0000'));
            described.append(firstEver).append('\u0000').append(describe(horizon, calendar));
            this.fingerprint = fnv1a(described);
        }

        /**
         * The horizon as the fingerprint reads it: the longest wall-clock span alone, as before business spans were
         * allowed, so that traces made then stay good; with business spans, every span and the calendar they count on.
         */
        private static String describe(Optional<List<Span>> horizon, BusinessCalendar calendar) {
            if (horizon.isEmpty()) {
                return "forever";
            }
            List<Span> spans = horizon.get();
            if (spans.stream().noneMatch(Span::business)) {
                return spans.stream()
                        .map(Span::toDuration)
                        .max(Duration::compareTo)
                        .orElseThrow()
                        .toString();
            }
            return spans.stream().map(Span::toString).sorted().toList() + " on " + calendar.describe();
        }

        /** Where the longest lookback ending at {@code now} starts; empty for forever. */
        Optional<Instant> cutoff(Instant now) {
            return horizon.map(lookbacks -> lookbacks.stream()
                    .map(lookback -> lookback.from(now))
                    .min(Instant::compareTo)
                    .orElse(now));
        }

        private static long fnv1a(CharSequence text) {
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < text.length(); i++) {
                hash ^= text.charAt(i);
                hash *= 0x100000001b3L;
            }
            return hash;
        }

        ScoringTrace trace(Collection<EngagementEvent> events, Instant now) {
            return extend(ScoringTrace.empty(fingerprint, words), events, now);
        }

        /** The trace and the events' entries merged in time order, without what can no longer count after now. */
        ScoringTrace extend(ScoringTrace trace, Collection<EngagementEvent> events, Instant now) {
            var entries = new ArrayList<Entry>(trace.size() + events.size());
            for (int i = 0; i < trace.size(); i++) {
                entries.add(new Entry(trace.at(i), trace.bits(i)));
            }
            for (EngagementEvent event : events) {
                long[] bits = new long[words];
                boolean any = false;
                for (int rule = 0; rule < matchers.size(); rule++) {
                    if (matchers.get(rule).matches(event)) {
                        bits[rule >>> 6] |= 1L << (rule & 63);
                        any = true;
                    }
                }
                if (any) {
                    entries.add(new Entry(event.occurredAt(), bits));
                }
            }
            entries.sort(Comparator.comparing(Entry::at));
            Instant cutoff = cutoff(now).orElse(Instant.MIN);
            long[] everSeen = new long[words];
            var kept = new ArrayList<Entry>(entries.size());
            for (Entry entry : entries) {
                if (entry.at().isAfter(cutoff)) {
                    kept.add(entry);
                    continue;
                }
                long[] first = new long[words];
                boolean any = false;
                for (int rule = firstEver; rule < matchers.size(); rule++) {
                    long bit = 1L << (rule & 63);
                    if ((entry.bits()[rule >>> 6] & bit) != 0 && (everSeen[rule >>> 6] & bit) == 0) {
                        first[rule >>> 6] |= bit;
                        everSeen[rule >>> 6] |= bit;
                        any = true;
                    }
                }
                if (any) {
                    kept.add(new Entry(entry.at(), first));
                }
            }
            var at = new Instant[kept.size()];
            var bits = new long[kept.size() * words];
            for (int i = 0; i < kept.size(); i++) {
                at[i] = kept.get(i).at();
                System.arraycopy(kept.get(i).bits(), 0, bits, i * words, words);
            }
            return new ScoringTrace(fingerprint, words, at, bits);
        }

        ScoringTrace since(ScoringTrace trace, Instant after) {
            var at = new ArrayList<Instant>(trace.size());
            var bits = new ArrayList<long[]>(trace.size());
            for (int i = 0; i < trace.size(); i++) {
                long[] kept = trace.bits(i);
                if (!trace.at(i).isAfter(after)) {
                    kept = everBits(kept);
                    if (kept == null) {
                        continue;
                    }
                }
                at.add(trace.at(i));
                bits.add(kept);
            }
            var flat = new long[at.size() * words];
            for (int i = 0; i < at.size(); i++) {
                System.arraycopy(bits.get(i), 0, flat, i * words, words);
            }
            return new ScoringTrace(fingerprint, words, at.toArray(Instant[]::new), flat);
        }

        /** Only the bits of the rules that count at any age; null when none is set. */
        private long[] everBits(long[] bits) {
            long[] ever = new long[words];
            boolean any = false;
            for (int rule = firstEver; rule < matchers.size(); rule++) {
                long bit = 1L << (rule & 63);
                if ((bits[rule >>> 6] & bit) != 0) {
                    ever[rule >>> 6] |= bit;
                    any = true;
                }
            }
            return any ? ever : null;
        }

        private record Entry(Instant at, long[] bits) {}
    }
}
