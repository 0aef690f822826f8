package dev.baton.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead as the API shows it: profile, company, stage, the last score card, the qualification that holds, and who
 * owns it (or which queue holds it) with the routing decision that said so.
 */
public record LeadDetails(
        long id,
        String email,
        Map<String, String> profile,
        Map<String, String> company,
        String stage,
        int cycle,
        Optional<Instant> coolOffUntil,
        Optional<Integer> score,
        Optional<Object> scoreCard,
        Optional<Integer> scoredWith,
        Optional<Integer> qualifiedWith,
        Optional<Instant> qualifiedAt,
        Optional<String> whyQualified,
        List<String> priority,
        Optional<Instant> firstTouchAt,
        Optional<String> owner,
        Optional<String> team,
        Optional<String> queue,
        Optional<Instant> assignedAt,
        Optional<Object> routing,
        Instant createdAt,
        Instant updatedAt) {}
