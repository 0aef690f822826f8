package dev.baton.core.engine;

import dev.baton.core.lead.HistoryEntry;
import dev.baton.core.sla.HandoffEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

/** Contact attempts by reps — calls, emails, meetings, social touches — which also set a lead's first touch. */
public final class Activities {

    /** The kinds of touch a rep logs. */
    public enum Type {
        CALL,
        EMAIL,
        MEETING,
        SOCIAL;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of an attempt that reached the lead. */
    public static final String CONNECTED = "connected";

    /** A touch as logged. */
    public record Activity(Type type, Instant at, String rep, Optional<String> outcome, Optional<String> notes) {}

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

    /**
     * Every logged activity is a touch; calls, emails and social messages are also contact attempts; a meeting, or an
     * attempt whose outcome is {@code connected}, is an answer from the lead.
     */
    static HandoffEvent.Touched touch(Activity activity) {
        boolean attempt = activity.type() != Type.MEETING;
        boolean answered = !attempt
                || activity.outcome()
                        .filter(outcome -> outcome.strip().equalsIgnoreCase(CONNECTED))
                        .isPresent();
        return new HandoffEvent.Touched(activity.at(), activity.rep(), attempt, answered);
    }

    public StoredLead log(long leadId, Activity activity) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (activity.at().isAfter(now.plus(LeadIntake.CLOCK_SKEW))) {
                throw new BatonException.Invalid("at", "the activity time " + activity.at() + " is in the future");
            }
            StoredLead lead = leads.lock(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
            var data = new LinkedHashMap<String, Object>();
            data.put("type", activity.type().word());
            data.put("rep", activity.rep());
            activity.outcome().ifPresent(o -> data.put("outcome", o));
            activity.notes().ifPresent(n -> data.put("notes", n));
            leads.append(
                    leadId,
                    new HistoryEntry("ActivityLogged", activity.at(), activity.rep(), "rep", Optional.empty(), data));
            if (lead.firstTouchAt()
                    .filter(first -> !activity.at().isBefore(first))
                    .isEmpty()) {
                leads.saveFirstTouch(leadId, activity.at());
            }
            leads.appendAll(clocks.on(leadId, touch(activity)));
            return leads.find(leadId).orElseThrow();
        });
    }
}
