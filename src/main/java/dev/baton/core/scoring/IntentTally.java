package dev.baton.core.scoring;

import dev.baton.core.agreement.IntentRule;
import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.lead.EngagementEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The events one intent rule counts at an instant, their decayed sum, and the capped, rounded points. */
record IntentTally(int count, double raw, double decayed, int points, Optional<Instant> first, Optional<Instant> last) {

    /** The tally of one rule over events, as the worked example in the documentation counts it. */
    static IntentTally of(IntentRule rule, Collection<EngagementEvent> events, Instant now, BusinessCalendar calendar) {
        Scorer.EventRules one = new Scorer.EventRules(List.of(rule.event()), 1, Optional.empty(), calendar);
        return all(
                List.of(rule),
                new Lookback[] {
                    rule.window().map(w -> new Lookback(w, calendar)).orElse(null)
                },
                new Lookback[] {
                    rule.halfLife().map(h -> new Lookback(h, calendar)).orElse(null)
                },
                one.trace(events, now),
                now)[0];
    }

    /**
     * The tallies of the intent rules, rule {@code i} being bit {@code i} of the trace, each over its window (null for
     * none) with its half-life (null for none): one pass over the trace for all of them. A business half-life counts
     * an event's age in open time, so a lead's interest does not fade over a weekend.
     */
    static IntentTally[] all(
            List<IntentRule> rules, Lookback[] windows, Lookback[] halfLives, ScoringTrace trace, Instant now) {
        int n = rules.size();
        var after = new Instant[n];
        var halfLife = new double[n];
        Lookback businessClock = null;
        for (int r = 0; r < n; r++) {
            after[r] = windows[r] == null ? Instant.MIN : windows[r].from(now);
            halfLife[r] = halfLives[r] == null ? 0 : halfLives[r].seconds(now);
            if (halfLives[r] != null && halfLives[r].business()) {
                businessClock = halfLives[r];
            }
        }
        double[] openAges = businessClock == null ? null : openAges(businessClock, trace, now);
        var count = new int[n];
        var decayed = new double[n];
        var first = new Instant[n];
        var last = new Instant[n];
        for (int i = 0; i < trace.size(); i++) {
            Instant at = trace.at(i);
            if (at.isAfter(now)) {
                break;
            }
            double age = -1;
            for (int r = 0; r < n; r++) {
                if (!trace.matches(i, r) || !at.isAfter(after[r])) {
                    continue;
                }
                if (age < 0) {
                    age = Duration.between(at, now).toSeconds();
                }
                boolean open = halfLives[r] != null && halfLives[r].business();
                count[r]++;
                decayed[r] += rules.get(r).points() * decay(open ? openAges[i] : age, halfLife[r]);
                first[r] = first[r] == null ? at : first[r];
                last[r] = at;
            }
        }
        var tallies = new IntentTally[n];
        for (int r = 0; r < n; r++) {
            IntentRule rule = rules.get(r);
            double raw = (double) count[r] * rule.points();
            double capped = rule.cap().isPresent() ? Math.min(rule.cap().getAsInt(), decayed[r]) : decayed[r];
            tallies[r] = new IntentTally(
                    count[r],
                    raw,
                    decayed[r],
                    (int) Math.round(capped),
                    Optional.ofNullable(first[r]),
                    Optional.ofNullable(last[r]));
        }
        return tallies;
    }

    /**
     * Each entry's age in open seconds at {@code now}, worked out from the newest back so that the calendar walks the
     * days between the oldest entry and now once, not once per entry; entries after now get none.
     */
    private static double[] openAges(Lookback clock, ScoringTrace trace, Instant now) {
        var ages = new double[trace.size()];
        Instant later = now;
        double age = 0;
        for (int i = trace.size() - 1; i >= 0; i--) {
            Instant at = trace.at(i);
            if (at.isAfter(now)) {
                continue;
            }
            age += clock.age(at, later);
            ages[i] = age;
            later = at;
        }
        return ages;
    }

    private static double decay(double ageSeconds, double halfLifeSeconds) {
        if (halfLifeSeconds == 0) {
            return 1.0;
        }
        return Math.pow(0.5, ageSeconds / halfLifeSeconds);
    }

    /** What the tally counted, in words, for the score card. */
    String evidence(IntentRule rule) {
        if (count == 0) {
            return "no " + rule.event().describe();
        }
        var text = new StringBuilder();
        text.append(count).append(" × ").append(rule.event().describe());
        if (count == 1) {
            text.append(" on ").append(last.get());
        } else {
            text.append(" from ").append(first.get()).append(" to ").append(last.get());
        }
        if (rule.halfLife().isPresent()) {
            text.append("; ")
                    .append(number(raw))
                    .append(" decayed to ")
                    .append(number(decayed))
                    .append(" (half-life ")
                    .append(rule.halfLife().get())
                    .append(')');
        }
        if (rule.cap().isPresent() && decayed > rule.cap().getAsInt()) {
            text.append("; capped at ").append(rule.cap().getAsInt());
        }
        return text.toString();
    }

    /** A whole number as it is, anything else to one decimal, rounded half up from its shortest decimal form. */
    private static String number(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
