package dev.baton.core.timeline;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a lead's history as it is written: the event, why it happened (the command, the event or the timer that
 * caused it), and the agreement version it happened under.
 */
public record HistoryEntry(LeadEvent event, String cause, Optional<Integer> agreementVersion) {

    public HistoryEntry {
        if (cause.isBlank()) {
            throw new IllegalArgumentException("a history entry needs a cause");
        }
    }

    public String type() {
        return event.type();
    }

    public Instant at() {
        return event.at();
    }

    public String actor() {
        return event.actor();
    }
}
