package dev.baton.core.engine;

import dev.baton.core.handoff.HandoffPacket;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.scoring.ScoreCard;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds the handoff packet of a lead from its profile, its history and the agreement that scored it. */
public final class Handoffs {

    private final LeadQueries queries;
    private final LeadStore leads;
    private final EngagementStore engagement;
    private final ActiveAgreement agreements;
    private final Clock clock;
    private final SlaClocks clocks;

    public Handoffs(
            LeadQueries queries,
            LeadStore leads,
            EngagementStore engagement,
            ActiveAgreement agreements,
            Clock clock,
            SlaClocks clocks) {
        this.queries = queries;
        this.leads = leads;
        this.engagement = engagement;
        this.agreements = agreements;
        this.clock = clock;
        this.clocks = clocks;
    }

    public HandoffPacket packet(long leadId) {
        LeadDetails details = queries.details(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
        StoredLead lead = leads.find(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
        ActiveAgreement.Running agreement =
                details.scoredWith().map(agreements::version).orElseGet(agreements::require);
        List<EngagementEvent> events = engagement.ofLead(leadId);
        Instant now = clock.instant();
        ScoreCard card = agreement.scorer().score(lead.facts(), events, now);
        return new HandoffPacket(
                leadId,
                details.email(),
                details.profile(),
                details.company(),
                details.stage(),
                card,
                events,
                HandoffPacket.summarise(events),
                details.whyQualified(),
                details.qualifiedAt(),
                details.qualifiedWith(),
                new HandoffPacket.Routing(
                        details.owner(), details.team(), details.queue(), details.assignedAt(), why(details)),
                clocks.views(leadId, now));
    }

    private static String why(LeadDetails details) {
        return details.routing()
                .filter(Map.class::isInstance)
                .map(routing -> ((Map<?, ?>) routing).get("why"))
                .map(Object::toString)
                .orElse("not routed yet");
    }
}
