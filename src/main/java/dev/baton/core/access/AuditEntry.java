package dev.baton.core.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One change, as the audit trail keeps it: who (the actor's name), when, through what (source and credential), what
 * was done ({@code action}, such as {@code lead.rejected}), to what ({@code subject}, such as {@code lead/42}), and
 * the subject's relevant state before and after. Never the personal data of a lead: a lead is named by its id.
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        Source source,
        String via,
        String action,
        String subject,
        Map<String, String> before,
        Map<String, String> after) {

    public AuditEntry {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** What the search takes: every part optional; entries come newest first, before the cursor's id. */
    public record Query(
            Optional<String> actor,
            Optional<String> action,
            Optional<String> subject,
            Optional<Source> source,
            Optional<Instant> since,
            Optional<Instant> until,
            Optional<Long> before,
            int limit) {}
}
