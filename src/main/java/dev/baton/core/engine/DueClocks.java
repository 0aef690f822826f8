package dev.baton.core.engine;

import dev.baton.core.sla.ClockEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the timers do: claim the leads whose clocks fell due, record each reminder and breach at the moment it fell
 * due, route a lead again when a breach has lasted {@code reassign-after}, and close a lead that never answered the
 * required attempts with the agreement's reason code. A round is one transaction; several Baton instances share the
 * work, each due lead claimed by one of them.
 */
public final class DueClocks {

    private final ClockStore store;
    private final SlaClocks clocks;
    private final LeadStore leads;
    private final Reassignments reassignments;
    private final LeadCommands commands;
    private final Transactions transactions;
    private final Clock clock;
    private final NoticeWriter notices;

    public DueClocks(
            ClockStore store,
            SlaClocks clocks,
            LeadStore leads,
            Reassignments reassignments,
            LeadCommands commands,
            Transactions transactions,
            Clock clock,
            NoticeWriter notices) {
        this.notices = notices;
        this.store = store;
        this.clocks = clocks;
        this.leads = leads;
        this.reassignments = reassignments;
        this.commands = commands;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One round over at most {@code limit} due leads; returns what fell due, for the caller to count. */
    public List<ClockEvent> runOnce(int limit) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            var fired = new java.util.ArrayList<ClockEvent>();
            for (long leadId : store.claimDue(now, limit)) {
                SlaClocks.Due due = clocks.due(leadId, now);
                leads.appendAll(due.entries());
                for (ClockEvent event : due.events()) {
                    act(leadId, event);
                }
                notices.on(due.entries());
                fired.addAll(due.events());
            }
            return fired;
        });
    }

    /** Runs rounds until nothing is due; returns how many events fell due. */
    public int drain(int limit) {
        int total = 0;
        for (List<ClockEvent> round = runOnce(limit); !round.isEmpty(); round = runOnce(limit)) {
            total += round.size();
        }
        return total;
    }

    private void act(long leadId, ClockEvent event) {
        if (event instanceof ClockEvent.ReassignmentDue due) {
            // when nobody else can take it, routing puts it in the queue
            String rep = due.clock().rep().orElseThrow();
            reassignments.routeAgainWithout(
                    leadId,
                    rep,
                    "the " + due.clock().kind().word() + " deadline of "
                            + due.clock().deadline() + " was missed by " + rep);
        } else if (event instanceof ClockEvent.LeadUnresponsive unresponsive) {
            unresponsive.reasonCode().ifPresent(code -> close(leadId, code, unresponsive.at()));
        }
    }

    private void close(long leadId, String code, Instant at) {
        try {
            commands.runAt(
                    leadId,
                    Optional.of(at),
                    "unresponsive",
                    (lifecycle, status, when) -> lifecycle.closeUnresponsive(status, code, "sla", when));
        } catch (BatonException.IllegalTransition movedOn) {
            // the lead moved on in the meantime: the timeline shows it was unresponsive, and nothing more is done
        }
    }
}
