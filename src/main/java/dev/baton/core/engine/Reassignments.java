package dev.baton.core.engine;

import dev.baton.core.routing.Router;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.timeline.LeadEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Moves leads to another owner: one lead by hand, or all of a rep's open leads back into routing. */
public final class Reassignments {

    private final LeadStore leads;
    private final RosterStore roster;
    private final ActiveAgreement active;
    private final Transactions transactions;
    private final Clock clock;
    private final SlaClocks clocks;

    public Reassignments(
            LeadStore leads,
            RosterStore roster,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock,
            SlaClocks clocks) {
        this.leads = leads;
        this.roster = roster;
        this.active = active;
        this.transactions = transactions;
        this.clock = clock;
        this.clocks = clocks;
    }

    /** Gives the lead to a rep, with the reason, recorded in the lead's history. */
    public StoredLead reassign(long leadId, String rep, Optional<String> reason, String actor) {
        String why = reason.filter(r -> !r.isBlank())
                .orElseThrow(() -> new BatonException.Invalid("reason", "a reassignment needs a reason"));
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!roster.repExists(rep)) {
                throw BatonException.NotFound.rep(rep, Optional.of("rep"));
            }
            StoredLead lead = leads.lock(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
            requireOpen(lead);
            RoutingDecision decision = new RoutingDecision.Assigned(
                    rep, roster.teamOf(rep), "manual", "reassigned by " + actor + ": " + why, List.of());
            record(lead, decision, actor, why, now);
            return leads.find(leadId).orElseThrow();
        });
    }

    /** Routes every open lead of a rep again, as if the rep could take none; returns the new decisions by lead. */
    public List<RoutingDecision> reassignOpenLeadsOf(String rep, Optional<String> reason, String actor) {
        String why = reason.filter(r -> !r.isBlank())
                .orElseThrow(() -> new BatonException.Invalid("reason", "a reassignment needs a reason"));
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!roster.repExists(rep)) {
                throw BatonException.NotFound.rep(rep, Optional.empty());
            }
            ActiveAgreement.Running agreement = active.require();
            var decisions = new ArrayList<RoutingDecision>();
            for (StoredLead lead : leads.lockAll(roster.openLeadsOwnedBy(rep))) {
                Router.Outcome outcome = agreement
                        .router()
                        .route(
                                lead.facts(),
                                roster.accountOwner(lead.id()),
                                roster.roster(now).without(rep),
                                now);
                outcome.rotation().ifPresent(roster::saveRotation);
                record(lead, outcome.decision(), actor, why, now);
                decisions.add(outcome.decision());
            }
            return decisions;
        });
    }

    /**
     * Routes an open lead again without the rep who holds it, as a breach that lasted {@code reassign-after} asks:
     * to another rep of the rules (respecting weights, capacity and absences), or to the queue when nobody else can
     * take it. Runs in the caller's transaction.
     */
    public RoutingDecision routeAgainWithout(long leadId, String rep, String why) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            ActiveAgreement.Running agreement = active.require();
            StoredLead lead = leads.lock(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
            Router.Outcome outcome = agreement
                    .router()
                    .route(
                            lead.facts(),
                            roster.accountOwner(lead.id())
                                    .filter(owner -> !owner.rep().equals(rep)),
                            roster.roster(now).without(rep),
                            now);
            outcome.rotation().ifPresent(roster::saveRotation);
            record(lead, outcome.decision(), "sla", why, now);
            return outcome.decision();
        });
    }

    private static void requireOpen(StoredLead lead) {
        if (!lead.status().stage().isOpen()) {
            throw new BatonException.Conflict(
                    "lead " + lead.id() + " is " + lead.status().stage().word() + "; only open leads are reassigned");
        }
    }

    private void record(StoredLead lead, RoutingDecision decision, String actor, String why, Instant now) {
        leads.saveRouting(lead.id(), decision, now);
        var reassigned = new LeadStore.LeadEntry(
                lead.id(),
                new LeadEvent.LeadReassigned(why, decision, now, actor),
                why,
                active.current().map(ActiveAgreement.Running::version));
        leads.appendAll(List.of(reassigned));
        leads.appendAll(clocks.on(reassigned));
    }
}
