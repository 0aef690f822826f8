package dev.baton.core.engine;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.HistoryEntry;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.routing.Router;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.scoring.Score;
import dev.baton.core.scoring.Scorer;
import dev.baton.core.scoring.ScoringTrace;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores locked leads against a running agreement, records the new scores that changed, and qualifies the leads that
 * meet the MQL rule — the one place where both live intake and bulk rescoring do this.
 */
final class Rescorer {

    private final LeadStore leads;
    private final RosterStore roster;
    private final EngagementStore engagement;

    Rescorer(LeadStore leads, RosterStore roster, EngagementStore engagement) {
        this.leads = leads;
        this.roster = roster;
        this.engagement = engagement;
    }

    /** The events that can still change these leads' scores under the agreement: within its horizon, or ever-rules. */
    private Map<Long, List<EngagementEvent>> events(List<Long> ids, ActiveAgreement.Running agreement, Instant now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return engagement.ofLeads(
                ids,
                agreement.scorer().horizon().map(now::minus),
                agreement.scorer().everEventTypes());
    }

    /**
     * Rescores locked leads together, writing their new scores, traces and history in a few statements. A lead whose
     * stored trace was made for the agreement's event rules goes on from it with its fresh events; any other lead,
     * and those in {@code reread}, are scored from their stored events.
     *
     * @param fresh the events stored for these leads in this transaction, by lead, which their traces do not hold yet
     * @param reread leads whose stored events changed otherwise (a visitor's events attached to them)
     */
    void rescoreAll(
            List<StoredLead> locked,
            Map<Long, List<EngagementEvent>> fresh,
            Set<Long> reread,
            ActiveAgreement.Running agreement,
            Instant now,
            String cause) {
        Scorer scorer = agreement.scorer();
        // the instant as the database keeps it, so that the card worked out again at scored_at is this one
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<Long> unknown = locked.stream()
                .filter(lead -> reread.contains(lead.id())
                        || lead.trace()
                                .filter(t -> t.rules() == scorer.traceRules())
                                .isEmpty())
                .map(StoredLead::id)
                .toList();
        Map<Long, List<EngagementEvent>> stored = events(unknown, agreement, now);
        var read = new HashSet<>(unknown);
        var scores = new ArrayList<LeadStore.ScoreWrite>();
        var history = new ArrayList<LeadStore.LeadEntry>();
        for (StoredLead lead : locked) {
            ScoringTrace trace = read.contains(lead.id())
                    ? scorer.trace(stored.getOrDefault(lead.id(), List.of()), at)
                    : scorer.extend(lead.trace().orElseThrow(), fresh.getOrDefault(lead.id(), List.of()), at);
            Score card = scorer.judge(lead.facts(), trace, at);
            boolean scoreChanged = changed(lead, card, agreement);
            if (scoreChanged || !lead.trace().equals(Optional.of(trace))) {
                scores.add(new LeadStore.ScoreWrite(lead.id(), card, trace, agreement.version()));
            }
            if (scoreChanged) {
                history.add(new LeadStore.LeadEntry(lead.id(), scored(card, agreement, now, cause)));
            }
            agreement.lifecycle().qualify(lead.status(), card, "scoring").ifPresent(change -> {
                leads.saveStatus(lead.id(), lead.status().after(change), now);
                leads.saveQualification(
                        lead.id(), Optional.of(agreement.version()), now, change.why(), change.priority());
                history.add(new LeadStore.LeadEntry(lead.id(), qualified(change, agreement, now, cause)));
                history.add(new LeadStore.LeadEntry(lead.id(), route(lead, agreement, now, "qualified")));
            });
        }
        leads.saveScores(scores);
        leads.appendAll(history);
    }

    /**
     * Routes the lead in the same transaction that qualified it, so that an MQL is never seen without an owner or a
     * queue; the assignment time starts the service-level clocks.
     */
    HistoryEntry route(StoredLead lead, ActiveAgreement.Running agreement, Instant now, String cause) {
        Router.Outcome outcome =
                agreement.router().route(lead.facts(), roster.accountOwner(lead.id()), roster.roster(now), now);
        outcome.rotation().ifPresent(roster::saveRotation);
        RoutingDecision decision = outcome.decision();
        leads.saveRouting(lead.id(), decision, now);
        if (decision instanceof RoutingDecision.Assigned assigned) {
            roster.claimAccount(lead.id(), assigned.rep());
        }
        return new HistoryEntry(
                decision instanceof RoutingDecision.Assigned ? "LeadRouted" : "LeadQueued",
                now,
                "routing",
                cause,
                Optional.of(agreement.version()),
                decision);
    }

    private static boolean changed(StoredLead lead, Score card, ActiveAgreement.Running agreement) {
        return lead.score().filter(s -> s == card.total()).isEmpty()
                || lead.scoredWith().filter(v -> v == agreement.version()).isEmpty();
    }

    private static HistoryEntry scored(Score card, ActiveAgreement.Running agreement, Instant now, String cause) {
        return new HistoryEntry(
                "LeadScored",
                now,
                "scoring",
                cause,
                Optional.of(agreement.version()),
                Map.of(
                        "score", card.total(),
                        "fit", card.fit(),
                        "intent", card.intent(),
                        "mql", card.mql().explanation()));
    }

    private static HistoryEntry qualified(
            StageChange.LeadQualified change, ActiveAgreement.Running agreement, Instant now, String cause) {
        return new HistoryEntry("LeadQualified", now, "scoring", cause, Optional.of(agreement.version()), change);
    }
}
