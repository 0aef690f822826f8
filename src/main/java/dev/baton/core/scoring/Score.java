package dev.baton.core.scoring;

import java.time.Instant;
import java.util.List;

/**
 * A lead's score at one instant without the lines that explain it — fit, intent, the distinct signals, the MQL
 * decision and the priority flags: what qualification and the lead's record need, and cheaper to work out than the
 * whole {@link ScoreCard}.
 */
public record Score(
        Instant at, int fit, int intent, List<String> signals, MqlDecision mql, List<PriorityFlag> priority) {

    public Score {
        signals = List.copyOf(signals);
        priority = List.copyOf(priority);
    }

    public int total() {
        return fit + intent;
    }
}
