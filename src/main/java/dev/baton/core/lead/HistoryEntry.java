package dev.baton.core.lead;

import java.time.Instant;
import java.util.Optional;

/**
 * One immutable line of a lead's history: what happened (a past-tense type), when, who or what did it, why, under
 * which agreement version, and the details (a record or map the store writes as JSON).
 */
public record HistoryEntry(
        String type, Instant at, String actor, String cause, Optional<Integer> agreementVersion, Object data) {

    public HistoryEntry {
        if (type.isBlank() || actor.isBlank()) {
            throw new IllegalArgumentException("a history entry needs a type and an actor");
        }
    }
}
