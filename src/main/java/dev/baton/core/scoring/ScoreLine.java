package dev.baton.core.scoring;

import java.time.Instant;
import java.util.Optional;

/** One rule's contribution to a score: its points, the evidence it saw, and when that evidence happened. */
public record ScoreLine(String rule, Source source, int points, String evidence, Optional<Instant> when) {

    /** Which section of the agreement the rule comes from. */
    public enum Source {
        FIT,
        NEGATIVE,
        INTENT
    }

    @Override
    public String toString() {
        return String.format("%+4d  %-24s %s", points, rule, evidence);
    }
}
