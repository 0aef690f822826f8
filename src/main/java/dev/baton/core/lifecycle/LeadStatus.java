package dev.baton.core.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * A lead's place in the lifecycle: its stage, which qualification cycle it is in (a lead that comes back from
 * nurture or recycling starts a new one), and until when a recycled lead must wait.
 */
public record LeadStatus(Stage stage, int cycle, Optional<Instant> coolOffUntil) {

    public LeadStatus {
        if (cycle < 0) {
            throw new IllegalArgumentException("cycle is never negative");
        }
    }

    public static LeadStatus fresh() {
        return new LeadStatus(Stage.LEAD, 0, Optional.empty());
    }

    /** The status after a change. */
    public LeadStatus after(StageChange change) {
        int nextCycle = change instanceof StageChange.LeadQualified qualified
                ? qualified.cycle()
                : change.to() == Stage.MQL ? cycle + 1 : cycle;
        Optional<Instant> until = change instanceof StageChange.LeadRecycled recycled
                ? recycled.coolOffUntil()
                : change.to() == Stage.RECYCLED ? coolOffUntil : Optional.empty();
        return new LeadStatus(change.to(), nextCycle, until);
    }
}
