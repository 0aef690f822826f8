package dev.baton.core.scoring;

import dev.baton.core.agreement.IntentRule;
import dev.baton.core.lead.EngagementEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The events one intent rule counts at an instant, their decayed sum, and the capped, rounded points. */
record IntentTally(int count, double raw, double decayed, int points, Optional<Instant> last, String evidence) {

    static IntentTally of(IntentRule rule, List<EngagementEvent> pastInTimeOrder, Instant now) {
        Instant after = rule.window().map(w -> now.minus(w.toDuration())).orElse(Instant.MIN);
        Optional<Double> halfLifeSeconds =
                rule.halfLife().map(h -> (double) h.toDuration().toSeconds());
        int count = 0;
        double decayed = 0;
        Instant first = null;
        Instant last = null;
        for (EngagementEvent event : pastInTimeOrder) {
            if (!event.occurredAt().isAfter(after) || !rule.event().matches(event)) {
                continue;
            }
            count++;
            decayed += rule.points() * decay(event.occurredAt(), now, halfLifeSeconds);
            first = first == null ? event.occurredAt() : first;
            last = event.occurredAt();
        }
        double raw = (double) count * rule.points();
        double capped = rule.cap().isPresent() ? Math.min(rule.cap().getAsInt(), decayed) : decayed;
        int points = (int) Math.round(capped);
        return new IntentTally(
                count,
                raw,
                decayed,
                points,
                Optional.ofNullable(last),
                evidence(rule, count, raw, decayed, first, last));
    }

    private static double decay(Instant at, Instant now, Optional<Double> halfLifeSeconds) {
        if (halfLifeSeconds.isEmpty()) {
            return 1.0;
        }
        double age = Duration.between(at, now).toSeconds();
        return Math.pow(0.5, age / halfLifeSeconds.get());
    }

    private static String evidence(
            IntentRule rule, int count, double raw, double decayed, Instant first, Instant last) {
        if (count == 0) {
            return "no " + rule.event().describe();
        }
        var text = new StringBuilder();
        text.append(count).append(" × ").append(rule.event().describe());
        text.append(count == 1 ? " on " + last : " from " + first + " to " + last);
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

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
