package dev.baton.core.engine;

import dev.baton.core.handoff.HandoffPacket;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.scoring.ScoreCard;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        return packet(leadId, true);
    }

    /**
     * The packet for a notice about a lead's clocks: the score card as last scored (from the lead's trace) and no
     * touchpoints, so that a timer sending hundreds of breach notices a second does not score each lead again from
     * all its events.
     */
    public HandoffPacket brief(long leadId) {
        return packet(leadId, false);
    }

    private HandoffPacket packet(long leadId, boolean whole) {
        LeadDetails details = queries.details(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
        Instant now = clock.instant();
        Optional<ScoreCard> stored =
                details.scoreCard().filter(ScoreCard.class::isInstance).map(ScoreCard.class::cast);
        List<EngagementEvent> events = whole || stored.isEmpty() ? engagement.ofLead(leadId) : List.of();
        ScoreCard card = whole || stored.isEmpty() ? score(leadId, details, events, now) : stored.get();
        List<EngagementEvent> touchpoints = whole ? events : List.of();
        return new HandoffPacket(
                leadId,
                details.email(),
                details.profile(),
                details.company(),
                details.stage(),
                card,
                touchpoints,
                HandoffPacket.summarise(touchpoints),
                details.whyQualified(),
                details.qualifiedAt(),
                details.qualifiedWith(),
                new HandoffPacket.Routing(
                        details.owner(), details.team(), details.queue(), details.assignedAt(), why(details)),
                clocks.views(leadId, now));
    }

    private ScoreCard score(long leadId, LeadDetails details, List<EngagementEvent> events, Instant now) {
        StoredLead lead = leads.find(leadId).orElseThrow(() -> LeadCommands.notFound(leadId));
        ActiveAgreement.Running agreement =
                details.scoredWith().map(agreements::version).orElseGet(agreements::require);
        return agreement.scorer().score(lead.facts(), events, now);
    }

    private static String why(LeadDetails details) {
        return details.routing()
                .filter(Map.class::isInstance)
                .map(routing -> ((Map<?, ?>) routing).get("why"))
                .map(Object::toString)
                .orElse("not routed yet");
    }
}
