package dev.baton.core.lifecycle;

import dev.baton.core.scoring.Score;
import java.time.Instant;

/**
 * Where a lead that sales sent back stands toward its next qualification. Only engagement after
 * {@link LeadStatus#evidenceAfter()} counts: the MQL rule is applied to the lead's fit and that later engagement
 * alone, and at least one event of it must count for an intent rule — old evidence never qualifies a lead again.
 *
 * @param evidenceAfter the instant after which engagement counts
 * @param fresh the score on the lead's fit and the engagement after that instant
 */
public record Requalification(Instant evidenceAfter, Score fresh) {

    /** Whether the lead qualifies again now. */
    public boolean qualifies() {
        return fresh.mql().qualified() && hasNewEngagement();
    }

    private boolean hasNewEngagement() {
        return fresh.intent() > 0 || !fresh.signals().isEmpty();
    }

    /** In words: what counts, and what the lead still needs or why it qualifies. */
    public String explanation() {
        if (qualifies()) {
            return "qualified again on engagement after " + evidenceAfter + ": "
                    + fresh.mql().explanation().replaceFirst("^qualified: ", "");
        }
        if (!hasNewEngagement()) {
            return "not yet: no engagement after " + evidenceAfter
                    + "; what came before the lead was sent back or before its cool-off ended no longer counts";
        }
        return fresh.mql()
                .explanation()
                .replaceFirst("^not yet: ", "not yet, counting engagement after " + evidenceAfter + ": ");
    }
}
