package dev.baton.core.scoring;

import dev.baton.core.agreement.IntentRule;
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
    static IntentTally of(IntentRule rule, Collection<EngagementEvent> events, Instant now) {
        Scorer.EventRules one = new Scorer.EventRules(List.of(rule.event()), 1, Optional.empty());
        return of(
                rule,
                0,
                rule.window().map(w -> w.toDuration()).orElse(null),
                rule.halfLife().map(h -> (double) h.toDuration().toSeconds()).orElse(0.0),
                one.trace(events, now),
                now);
    }

    /**
     * The tally of the intent rule whose event rule is bit {@code bit} of the trace, over its window (null for none)
     * with its half-life in seconds (0 for none).
     */
    static IntentTally of(
            IntentRule rule, int bit, Duration window, double halfLifeSeconds, ScoringTrace trace, Instant now) {
        Instant after = window == null ? Instant.MIN : now.minus(window);
        int count = 0;
        double decayed = 0;
        Instant first = null;
        Instant last = null;
        for (int i = 0; i < trace.size(); i++) {
            Instant at = trace.at(i);
            if (at.isAfter(now)) {
                break;
            }
            if (!at.isAfter(after) || !trace.matches(i, bit)) {
                continue;
            }
            count++;
            decayed += rule.points() * decay(at, now, halfLifeSeconds);
            first = first == null ? at : first;
            last = at;
        }
        double raw = (double) count * rule.points();
        double capped = rule.cap().isPresent() ? Math.min(rule.cap().getAsInt(), decayed) : decayed;
        return new IntentTally(
                count, raw, decayed, (int) Math.round(capped), Optional.ofNullable(first), Optional.ofNullable(last));
    }

    private static double decay(Instant at, Instant now, double halfLifeSeconds) {
        if (halfLifeSeconds == 0) {
            return 1.0;
        }
        double age = Duration.between(at, now).toSeconds();
        return Math.pow(0.5, age / halfLifeSeconds);
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
