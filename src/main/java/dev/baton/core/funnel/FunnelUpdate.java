package dev.baton.core.funnel;

import dev.baton.core.lifecycle.Stage;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.metrics.Moment;
import dev.baton.core.timeline.LeadEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a lead event changes in the lead's funnel rows. A qualification opens a new cycle (and marks the cycle before
 * as qualified again); every other moment is recorded on the lead's latest cycle, the first time it happens there;
 * a lead that reaches a stage of the funnel without ever qualifying gets a cycle without a qualification, so that
 * period figures (opportunities opened, deals won) still count it.
 */
public sealed interface FunnelUpdate {

    Instant at();

    /**
     * A new cycle: its number (the lead's qualification count; empty for a qualification an import recorded, which
     * is the next after the lead's latest), the agreement version that qualified it, and the score and fit score it
     * qualified with (none for an imported qualification).
     */
    record Opened(
            Optional<Integer> cycle,
            Instant at,
            Optional<Integer> agreementVersion,
            boolean priority,
            Optional<Integer> score,
            Optional<Integer> fit)
            implements FunnelUpdate {}

    /**
     * A moment of the latest cycle: with the reason code (rejections, disqualifications, nurture, recycling), the lost
     * reason in words, or the opportunity's amount and currency, where the moment has one.
     */
    record Reached(
            Moment moment,
            Instant at,
            Optional<String> reasonCode,
            Optional<String> reason,
            Optional<BigDecimal> amount,
            Optional<String> currency)
            implements FunnelUpdate {
        static Reached at(Moment moment, Instant at) {
            return new Reached(moment, at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        static Reached coded(Moment moment, Instant at, Optional<String> code) {
            return new Reached(moment, at, code, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The latest cycle's lead is now held by this rep (and team), or by nobody, waiting in a queue. */
    record Owned(Optional<String> rep, Optional<String> team, Instant at) implements FunnelUpdate {}

    /** A campaign touched the lead: its campaign field was set to it (the events' campaigns come with the events). */
    record CampaignTouched(String campaign, Instant at) implements FunnelUpdate {}

    /** The lead fields that name the campaign that brought a lead. */
    List<String> CAMPAIGN_FIELDS = List.of("lead.campaign", "lead.utm_campaign");

    /** What a lead event changes in the funnel; nothing for the events that are not part of it (scores, clocks). */
    static List<FunnelUpdate> of(LeadEvent event) {
        if (event instanceof LeadEvent.LeadFieldsChanged changed) {
            return CAMPAIGN_FIELDS.stream()
                    .filter(changed.changes()::containsKey)
                    .map(field -> changed.changes().get(field).to())
                    .filter(campaign -> !campaign.isBlank())
                    .distinct()
                    .<FunnelUpdate>map(campaign -> new CampaignTouched(campaign, changed.at()))
                    .toList();
        }
        if (event instanceof LeadEvent.StageMoved moved) {
            return ofChange(moved.change());
        }
        if (event instanceof LeadEvent.LeadRouted routed) {
            return List.of(new Owned(
                    Optional.of(routed.decision().rep()), routed.decision().team(), routed.at()));
        }
        if (event instanceof LeadEvent.LeadQueued queued) {
            return List.of(new Owned(Optional.empty(), Optional.empty(), queued.at()));
        }
        if (event instanceof LeadEvent.LeadReassigned reassigned) {
            if (reassigned.decision() instanceof dev.baton.core.routing.RoutingDecision.Assigned assigned) {
                return List.of(new Owned(Optional.of(assigned.rep()), assigned.team(), reassigned.at()));
            }
            return List.of(new Owned(Optional.empty(), Optional.empty(), reassigned.at()));
        }
        if (event instanceof LeadEvent.ActivityLogged logged) {
            return List.of(Reached.at(Moment.FIRST_TOUCH, logged.at()));
        }
        return List.of();
    }

    private static List<FunnelUpdate> ofChange(StageChange change) {
        Instant at = change.at();
        if (change instanceof StageChange.LeadQualified qualified) {
            return List.of(new Opened(
                    Optional.of(qualified.cycle()),
                    at,
                    Optional.of(qualified.agreementVersion()),
                    !qualified.priority().isEmpty(),
                    Optional.of(qualified.score()),
                    Optional.of(qualified.fit())));
        }
        if (change instanceof StageChange.LeadAccepted) {
            return List.of(Reached.at(Moment.ACCEPTED, at));
        }
        if (change instanceof StageChange.LeadRejected rejected) {
            return List.of(Reached.coded(Moment.REJECTED, at, Optional.of(rejected.reasonCode())));
        }
        if (change instanceof StageChange.LeadSalesQualified) {
            return List.of(Reached.at(Moment.SQL, at));
        }
        if (change instanceof StageChange.OpportunityOpened opened) {
            return List.of(new Reached(
                    Moment.OPPORTUNITY,
                    at,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(opened.amount()),
                    Optional.of(opened.currency())));
        }
        if (change instanceof StageChange.OpportunityWon) {
            return List.of(Reached.at(Moment.WON, at));
        }
        if (change instanceof StageChange.OpportunityLost lost) {
            return List.of(new Reached(
                    Moment.LOST, at, Optional.empty(), Optional.of(lost.reason()), Optional.empty(), Optional.empty()));
        }
        if (change instanceof StageChange.LeadNurtured nurtured) {
            return List.of(Reached.coded(Moment.NURTURED, at, nurtured.reasonCode()));
        }
        if (change instanceof StageChange.LeadRecycled recycled) {
            return List.of(Reached.coded(Moment.RECYCLED, at, recycled.reasonCode()));
        }
        if (change instanceof StageChange.LeadDisqualified disqualified) {
            return List.of(Reached.coded(Moment.DISQUALIFIED, at, Optional.of(disqualified.reasonCode())));
        }
        if (change instanceof StageChange.StageRecorded recorded) {
            return recorded(recorded);
        }
        return List.of();
    }

    /** A stage change brought in from another system: the moment its target stage stands for. */
    private static List<FunnelUpdate> recorded(StageChange.StageRecorded recorded) {
        Instant at = recorded.at();
        Stage target = recorded.target();
        if (target == Stage.MQL) {
            return List.of(
                    new Opened(Optional.empty(), at, Optional.empty(), false, Optional.empty(), Optional.empty()));
        }
        Optional<Moment> moment = momentOf(target);
        if (moment.isEmpty()) {
            return List.of();
        }
        return List.of(new Reached(
                moment.get(), at, recorded.reasonCode(), recorded.reason(), recorded.amount(), recorded.currency()));
    }

    private static Optional<Moment> momentOf(Stage stage) {
        return switch (stage) {
            case ACCEPTED -> Optional.of(Moment.ACCEPTED);
            case REJECTED -> Optional.of(Moment.REJECTED);
            case SQL -> Optional.of(Moment.SQL);
            case OPPORTUNITY -> Optional.of(Moment.OPPORTUNITY);
            case WON -> Optional.of(Moment.WON);
            case LOST -> Optional.of(Moment.LOST);
            case DISQUALIFIED -> Optional.of(Moment.DISQUALIFIED);
            case NURTURE -> Optional.of(Moment.NURTURED);
            case RECYCLED -> Optional.of(Moment.RECYCLED);
            case LEAD, MQL -> Optional.empty();
        };
    }
}
