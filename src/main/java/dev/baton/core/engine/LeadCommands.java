package dev.baton.core.engine;

import dev.baton.core.lifecycle.LeadStatus;
import dev.baton.core.lifecycle.Lifecycle;
import dev.baton.core.lifecycle.Outcome;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.timeline.LeadEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sales' and marketing's lifecycle commands on a lead (accept, reject, qualify, nurture, recycle, disqualify,
 * opportunity won or lost): each locks the lead, asks the lifecycle, and records every change it causes.
 */
public final class LeadCommands {

    private final LeadStore leads;
    private final ActiveAgreement active;
    private final Transactions transactions;
    private final Clock clock;
    private final SlaClocks clocks;

    public LeadCommands(
            LeadStore leads, ActiveAgreement active, Transactions transactions, Clock clock, SlaClocks clocks) {
        this.leads = leads;
        this.active = active;
        this.transactions = transactions;
        this.clock = clock;
        this.clocks = clocks;
    }

    /** A lifecycle step: given the lifecycle, the lead's status and the time, the outcome. */
    @FunctionalInterface
    public interface Command {
        Outcome take(Lifecycle lifecycle, LeadStatus status, Instant at);
    }

    /** Runs the command on the lead now; throws {@link BatonException} when it is refused or incomplete. */
    public StoredLead run(long leadId, String cause, Command command) {
        return runAt(leadId, Optional.empty(), cause, command);
    }

    /**
     * Runs the command as of a past instant, for history brought in from another system; the lead's projection is
     * still updated now.
     */
    public StoredLead runAt(long leadId, Optional<Instant> at, String cause, Command command) {
        return transactions.inTransaction(() -> {
            Instant written = clock.instant();
            Instant now = at.orElse(written);
            ActiveAgreement.Running agreement = active.require();
            StoredLead lead = leads.lock(leadId).orElseThrow(() -> notFound(leadId));
            Outcome outcome = command.take(agreement.lifecycle(), lead.status(), now);
            if (outcome instanceof Outcome.Refused refused) {
                throw new BatonException.IllegalTransition(refused);
            }
            if (outcome instanceof Outcome.Incomplete incomplete) {
                throw new BatonException.Invalid(incomplete.field(), incomplete.message());
            }
            LeadStatus status = lead.status();
            for (StageChange change : ((Outcome.Moved) outcome).changes()) {
                status = status.after(change);
                if (change instanceof StageChange.StageRecorded recorded && recorded.to() == Stage.MQL) {
                    leads.saveQualification(
                            leadId,
                            Optional.empty(),
                            recorded.at(),
                            "qualified in " + recorded.source() + " by " + recorded.actor(),
                            List.of());
                }
                var moved = new LeadStore.LeadEntry(
                        leadId, new LeadEvent.StageMoved(change), cause, Optional.of(agreement.version()));
                leads.appendAll(List.of(moved));
                leads.appendAll(clocks.on(moved));
            }
            leads.saveStatus(leadId, status, written);
            return leads.find(leadId).orElseThrow();
        });
    }

    static BatonException.NotFound notFound(long leadId) {
        return new BatonException.NotFound("there is no lead " + leadId);
    }
}
