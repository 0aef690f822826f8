package dev.baton.core.timeline;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a lead's history as it is read back: the event's past-tense type, when, who or what did it, why, under
 * which agreement version, and its details as they were written.
 */
public record TimelineEntry(
        String type, Instant at, String actor, String cause, Optional<Integer> agreementVersion, Object data) {}
