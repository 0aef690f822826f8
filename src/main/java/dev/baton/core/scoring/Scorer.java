package dev.baton.core.scoring;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.FitRule;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.MqlRule;
import dev.baton.core.agreement.NegativeRule;
import dev.baton.core.agreement.PriorityRule;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores a lead against one agreement: a pure function of the lead's facts, its engagement events and an instant.
 * Events later than the instant are ignored, so a lead can be scored as it stood at any point in its history.
 */
public final class Scorer {

    private static final Comparator<EngagementEvent> IN_TIME_ORDER =
            Comparator.comparing(EngagementEvent::occurredAt).thenComparing(EngagementEvent::id);

    private final Agreement agreement;

    public Scorer(Agreement agreement) {
        this.agreement = agreement;
    }

    public Agreement agreement() {
        return agreement;
    }

    /**
     * How far back events can still change a score: the longest window of any intent rule, signal requirement or
     * priority rule; empty when some rule looks back forever. Events of the types in {@link #everEventTypes()} count
     * at any age.
     */
    public Optional<Duration> horizon() {
        var spans = new ArrayList<Optional<Duration>>();
        agreement.intent().forEach(rule -> spans.add(rule.window().map(w -> w.toDuration())));
        agreement
                .mql()
                .signals()
                .ifPresent(s -> spans.add(Optional.of(s.within().toDuration())));
        for (PriorityRule rule : agreement.priority()) {
            if (rule instanceof PriorityRule.RecentSignal recent) {
                spans.add(recent.within()
                        .or(() -> intentRule(recent.signal()).window())
                        .map(w -> w.toDuration()));
            }
        }
        if (spans.stream().anyMatch(Optional::isEmpty)) {
            return Optional.empty();
        }
        return spans.stream().map(Optional::get).max(Duration::compareTo);
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

    public ScoreCard score(Facts facts, Collection<EngagementEvent> events, Instant now) {
        List<EngagementEvent> past = events.stream()
                .filter(e -> !e.occurredAt().isAfter(now))
                .sorted(IN_TIME_ORDER)
                .toList();
        var lines = new ArrayList<ScoreLine>();
        int fit = 0;
        for (FitRule rule : agreement.fit()) {
            if (rule.condition().test(facts)) {
                fit += rule.points();
                lines.add(new ScoreLine(
                        rule.name(),
                        ScoreLine.Source.FIT,
                        rule.points(),
                        rule.condition().evidence(facts),
                        Optional.empty()));
            }
        }
        for (NegativeRule rule : agreement.negative()) {
            Optional<ScoreLine> line = negative(rule, facts, past);
            if (line.isPresent()) {
                fit += rule.points();
                lines.add(line.get());
            }
        }
        int intent = 0;
        for (IntentRule rule : agreement.intent()) {
            IntentTally tally = IntentTally.of(rule, past, now);
            if (tally.count() > 0 && tally.points() > 0) {
                intent += tally.points();
                lines.add(new ScoreLine(
                        rule.name(), ScoreLine.Source.INTENT, tally.points(), tally.evidence(), tally.last()));
            }
        }
        List<String> signals = signals(past, now);
        int total = fit + intent;
        return new ScoreCard(now, fit, intent, lines, signals, decide(total, fit, signals), priority(total, past, now));
    }

    private static Optional<ScoreLine> negative(NegativeRule rule, Facts facts, List<EngagementEvent> past) {
        if (rule instanceof NegativeRule.OnField onField && onField.condition().test(facts)) {
            return Optional.of(new ScoreLine(
                    rule.name(),
                    ScoreLine.Source.NEGATIVE,
                    rule.points(),
                    onField.condition().evidence(facts),
                    Optional.empty()));
        }
        if (rule instanceof NegativeRule.OnEvent onEvent) {
            return past.stream()
                    .filter(onEvent.event()::matches)
                    .findFirst()
                    .map(first -> new ScoreLine(
                            rule.name(),
                            ScoreLine.Source.NEGATIVE,
                            rule.points(),
                            first.type() + " on " + first.occurredAt(),
                            Optional.of(first.occurredAt())));
        }
        return Optional.empty();
    }

    /**
     * The intent rules (among those the MQL rule counts) with a matching event inside the signal window. Each event is
     * evidence for one signal only — the first counted rule it matches — so that one page view is never two distinct
     * signals; agreements list their most specific signals first.
     */
    private List<String> signals(List<EngagementEvent> past, Instant now) {
        Optional<MqlRule.Signals> wanted = agreement.mql().signals();
        List<IntentRule> counted =
                wanted.map(s -> s.of().stream().map(this::intentRule).toList()).orElse(agreement.intent());
        var fired = new java.util.LinkedHashSet<String>();
        for (EngagementEvent event : past) {
            for (IntentRule rule : counted) {
                if (rule.event().matches(event)) {
                    Optional<Duration> within = wanted.map(s -> s.within().toDuration())
                            .or(() -> rule.window().map(w -> w.toDuration()));
                    if (within.map(w -> event.occurredAt().isAfter(now.minus(w)))
                            .orElse(true)) {
                        fired.add(rule.name());
                    }
                    break;
                }
            }
        }
        return counted.stream().map(IntentRule::name).filter(fired::contains).toList();
    }

    private static boolean hasEventWithin(
            IntentRule rule, List<EngagementEvent> past, Instant now, Optional<Duration> within) {
        Instant after = within.map(now::minus).orElse(Instant.MIN);
        return past.stream()
                .anyMatch(e -> e.occurredAt().isAfter(after) && rule.event().matches(e));
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

    private List<PriorityFlag> priority(int total, List<EngagementEvent> past, Instant now) {
        var flags = new ArrayList<PriorityFlag>();
        for (PriorityRule rule : agreement.priority()) {
            if (rule instanceof PriorityRule.ScoreAtLeast atLeast && total >= atLeast.score()) {
                flags.add(new PriorityFlag(rule.name(), "score " + total + " ≥ " + atLeast.score()));
            } else if (rule instanceof PriorityRule.RecentSignal recent) {
                IntentRule signal = intentRule(recent.signal());
                Optional<Duration> within = recent.within().or(signal::window).map(span -> span.toDuration());
                if (hasEventWithin(signal, past, now, within)) {
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

    private IntentRule intentRule(String name) {
        return agreement.intent().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("agreement refers to unknown intent rule " + name));
    }
}
