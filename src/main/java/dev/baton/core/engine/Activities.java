package dev.baton.core.engine;

import dev.baton.core.lead.Activity;
import dev.baton.core.timeline.LeadEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Contact attempts by reps — calls, emails, meetings, social touches — which also set a lead's first touch. */
public final class Activities {

    private final LeadStore leads;
    private final Transactions transactions;
    private final Clock clock;
    private final SlaClocks clocks;

    public Activities(LeadStore leads, Transactions transactions, Clock clock, SlaClocks clocks) {
        this.leads = leads;
        this.transactions = transactions;
        this.clock = clock;
        this.clocks = clocks;
    }

    public StoredLead log(long leadId, Activity activity) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (activity.at().isAfter(now.plus(LeadIntake.CLOCK_SKEW))) {
                throw new BatonException.Invalid("at", "the activity time " + activity.at() + " is in the future");
            }
            StoredLead lead = leads.lock(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
            var logged =
                    new LeadStore.LeadEntry(leadId, new LeadEvent.ActivityLogged(activity), "rep", Optional.empty());
            leads.appendAll(List.of(logged));
            if (lead.firstTouchAt()
                    .filter(first -> !activity.at().isBefore(first))
                    .isEmpty()) {
                leads.saveFirstTouch(leadId, activity.at());
            }
            leads.appendAll(clocks.on(logged));
            return leads.find(leadId).orElseThrow();
        });
    }
}
