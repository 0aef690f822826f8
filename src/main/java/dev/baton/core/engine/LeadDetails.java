package dev.baton.core.engine;

import dev.baton.core.sla.ClockView;
import dev.baton.core.sla.ResponseTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead as the API shows it: profile, company, stage, the last score card, the qualification that holds, where a lead
 * sales sent back stands toward its next one, who owns it (or which queue holds it) with the routing decision that
 * said so, the service-level clocks of its handoff, and when the person was erased (an erased lead is an anonymous
 * record kept for the counts).
 */
public record LeadDetails(
        long id,
        String email,
        Map<String, String> profile,
        Map<String, String> company,
        String stage,
        int cycle,
        Optional<Instant> coolOffUntil,
        Optional<Instant> sentBackAt,
        Optional<Requalification> requalification,
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
        Instant updatedAt,
        List<ClockView> clocks,
        List<ResponseTime> responseTimes,
        List<String> notes,
        Optional<Instant> erasedAt) {

    /**
     * The same lead with its service-level clocks, as {@link SlaClocks#views} shows them, and how long each handoff
     * cycle waited for its first touch.
     */
    public LeadDetails withClocks(List<ClockView> shown, List<ResponseTime> responses) {
        return with(List.copyOf(shown), List.copyOf(responses), notes);
    }

    /** The same lead with what the caller should know about how its last update was taken. */
    public LeadDetails withNotes(List<String> said) {
        return with(clocks, responseTimes, List.copyOf(said));
    }

    private LeadDetails with(List<ClockView> shown, List<ResponseTime> responses, List<String> said) {
        return new LeadDetails(
                id,
                email,
                profile,
                company,
                stage,
                cycle,
                coolOffUntil,
                sentBackAt,
                requalification,
                score,
                scoreCard,
                scoredWith,
                qualifiedWith,
                qualifiedAt,
                whyQualified,
                priority,
                firstTouchAt,
                owner,
                team,
                queue,
                assignedAt,
                routing,
                createdAt,
                updatedAt,
                shown,
                responses,
                said,
                erasedAt);
    }

    /**
     * For a lead in marketing's hands that sales sent back (or that waits out a cool-off): the instant after which
     * engagement counts toward its next qualification, and where that engagement leaves it.
     */
    public record Requalification(Instant countsEngagementAfter, boolean qualifies, String explanation) {}
}
