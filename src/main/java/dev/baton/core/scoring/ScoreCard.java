package dev.baton.core.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A lead's score at one instant: fit (including negative rules), intent, the total, a line per rule that fired,
 * the distinct intent signals in the MQL window, the MQL decision and the priority flags.
 */
public record ScoreCard(
        Instant at,
        int fit,
        int intent,
        List<ScoreLine> lines,
        List<String> signals,
        MqlDecision mql,
        List<PriorityFlag> priority) {

    public ScoreCard {
        lines = List.copyOf(lines);
        signals = List.copyOf(signals);
        priority = List.copyOf(priority);
    }

    public int total() {
        return fit + intent;
    }

    public boolean isPriority() {
        return !priority.isEmpty();
    }

    /** The card as plain text, one line per rule, for logs, the CLI and emails. */
    public String render() {
        var text = new StringBuilder();
        text.append("score ")
                .append(total())
                .append(" (fit ")
                .append(fit)
                .append(", intent ")
                .append(intent);
        text.append(") at ").append(at).append('\n');
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append(mql.explanation()).append('\n');
        priority.forEach(flag -> text.append("priority: ").append(flag.reason()).append('\n'));
        return text.toString();
    }
}
