package dev.baton.core.lifecycle;

import java.time.Instant;
import java.util.Optional;

/**
 * A lead's place in the lifecycle: its stage, which qualification cycle it is in (a lead that comes back from
 * nurture or recycling starts a new one), until when a recycled lead must wait, and when sales last sent it back to
 * marketing — after which only newer engagement counts toward its next qualification.
 */
public record LeadStatus(Stage stage, int cycle, Optional<Instant> coolOffUntil, Optional<Instant> sentBackAt) {

    public LeadStatus {
        if (cycle < 0) {
            throw new IllegalArgumentException("cycle is never negative");
        }
    }

    /** A status of a lead that sales never sent back. */
    public LeadStatus(Stage stage, int cycle, Optional<Instant> coolOffUntil) {
        this(stage, cycle, coolOffUntil, Optional.empty());
    }

    public static LeadStatus fresh() {
        return new LeadStatus(Stage.LEAD, 0, Optional.empty());
    }

    /**
     * The instant after which engagement counts toward the lead's next qualification: when sales sent it back, or the
     * end of its cool-off, whichever is later. Empty when all of its engagement counts.
     */
    public Optional<Instant> evidenceAfter() {
        if (sentBackAt.isEmpty()) {
            return coolOffUntil;
        }
        if (coolOffUntil.isEmpty()) {
            return sentBackAt;
        }
        return Optional.of(sentBackAt.get().isAfter(coolOffUntil.get()) ? sentBackAt.get() : coolOffUntil.get());
    }

    /**
     * The status after a change. Moving from a stage of sales' to nurture or recycled sends the lead back, as of the
     * change; qualifying again clears it.
     */
    public LeadStatus after(StageChange change) {
        int nextCycle = change instanceof StageChange.LeadQualified qualified
                ? qualified.cycle()
                : change.to() == Stage.MQL ? cycle + 1 : cycle;
        Optional<Instant> until = change.to() == Stage.RECYCLED ? change.coolOffUntil() : Optional.empty();
        Optional<Instant> sentBack = sentBackAt;
        if (change.to() == Stage.MQL) {
            sentBack = Optional.empty();
        } else if (change.to().isMarketingOwned() && change.from().isSalesOwned()) {
            sentBack = Optional.of(change.at());
        }
        return new LeadStatus(change.to(), nextCycle, until, sentBack);
    }
}
