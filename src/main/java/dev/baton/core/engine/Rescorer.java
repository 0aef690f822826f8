package dev.baton.core.engine;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.routing.Router;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.scoring.Score;
import dev.baton.core.scoring.Scorer;
import dev.baton.core.scoring.ScoringTrace;
import dev.baton.core.timeline.LeadEvent;
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
    private final SlaClocks clocks;
    private final NoticeWriter notices;

    Rescorer(LeadStore leads, RosterStore roster, EngagementStore engagement, SlaClocks clocks, NoticeWriter notices) {
        this.leads = leads;
        this.roster = roster;
        this.engagement = engagement;
        this.clocks = clocks;
        this.notices = notices;
    }

    /**
     * The events that can still change these leads' scores under the agreement: of a type some rule reads, within its
     * horizon or of a type a rule counts at any age.
     */
    private Map<Long, List<EngagementEvent>> events(List<Long> ids, ActiveAgreement.Running agreement, Instant now) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return engagement.ofLeads(
                ids,
                agreement.scorer().lookbackFrom(now),
                agreement.scorer().everEventTypes(),
                agreement.scorer().eventTypes());
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
        var scores = new ArrayList<LeadStore.ScoreWrite>();
        var history = new ArrayList<LeadStore.LeadEntry>();
        for (Judged judged : judgeAll(locked, fresh, reread, agreement, now)) {
            StoredLead lead = judged.lead();
            judged.write(agreement).ifPresent(scores::add);
            if (judged.scoreChanged()) {
                history.add(scored(lead.id(), judged.score(), agreement, now, cause));
            }
            judged.qualified().ifPresent(change -> {
                leads.saveStatus(lead.id(), lead.status().after(change), now);
                leads.saveQualification(
                        lead.id(), Optional.of(agreement.version()), now, change.why(), change.priority());
                var qualified = new LeadStore.LeadEntry(
                        lead.id(), new LeadEvent.StageMoved(change), cause, Optional.of(agreement.version()));
                history.add(qualified);
                history.addAll(clocks.on(qualified));
                history.addAll(route(lead, agreement, now, "qualified"));
            });
        }
        leads.saveScores(scores);
        leads.appendAll(history);
    }

    /**
     * Rescores leads read without locks, so that live intake never waits for the scoring: each new score is written
     * only if its lead's row is still as it was read. The leads that changed meanwhile, and those that qualify now
     * (which must be routed under lock), are then locked and rescored as {@link #rescoreAll} does.
     */
    void rescoreUnlocked(
            List<StoredLead> read,
            Map<Long, List<EngagementEvent>> fresh,
            Set<Long> reread,
            ActiveAgreement.Running agreement,
            Instant now,
            String cause) {
        rescoreUnlocked(read, fresh, reread, agreement, now, cause, Optional.empty());
    }

    /**
     * As {@link #rescoreUnlocked(List, Map, Set, ActiveAgreement.Running, Instant, String)}, but the leads that
     * qualify are qualified and routed first, each in a short transaction of its own: a long transaction (a rescoring
     * chunk) that routed them itself would hold their teams' rows, and every live lead routed to those teams would wait
     * for it. Done again, the work finds them qualified already and changes nothing.
     */
    void rescoreUnlocked(
            List<StoredLead> read,
            Map<Long, List<EngagementEvent>> fresh,
            Set<Long> reread,
            ActiveAgreement.Running agreement,
            Instant now,
            String cause,
            Optional<Transactions> qualifyApart) {
        var scores = new ArrayList<LeadStore.ScoreWrite>();
        var revisions = new java.util.HashMap<Long, Long>();
        var scoredNow = new java.util.HashMap<Long, Score>();
        var again = new java.util.TreeSet<Long>();
        for (Judged judged : judgeAll(read, fresh, reread, agreement, now)) {
            long id = judged.lead().id();
            if (judged.qualified().isPresent()) {
                if (qualifyApart.isPresent()) {
                    qualifyApart.get().inOwnTransaction(() -> {
                        rescoreAll(leads.lockAll(List.of(id)), fresh, reread, agreement, now, cause);
                        return id;
                    });
                } else {
                    again.add(id);
                }
                continue;
            }
            judged.write(agreement).ifPresent(write -> {
                scores.add(write);
                revisions.put(id, judged.lead().revision());
                if (judged.scoreChanged()) {
                    scoredNow.put(id, judged.score());
                }
            });
        }
        Set<Long> written = leads.saveScoresUnlessChanged(scores, revisions);
        var history = new ArrayList<LeadStore.LeadEntry>();
        for (LeadStore.ScoreWrite write : scores) {
            if (!written.contains(write.leadId())) {
                again.add(write.leadId());
            } else if (scoredNow.containsKey(write.leadId())) {
                history.add(scored(write.leadId(), scoredNow.get(write.leadId()), agreement, now, cause));
            }
        }
        leads.appendAll(history);
        if (!again.isEmpty()) {
            rescoreAll(leads.lockAll(List.copyOf(again)), fresh, reread, agreement, now, cause);
        }
    }

    /** A lead's new trace and score, whether they differ from what is stored, and the qualification they make. */
    private record Judged(
            StoredLead lead,
            ScoringTrace trace,
            Score score,
            boolean scoreChanged,
            Optional<StageChange.LeadQualified> qualified) {

        /** What to store, if anything changed. */
        Optional<LeadStore.ScoreWrite> write(ActiveAgreement.Running agreement) {
            if (!scoreChanged && lead.trace().equals(Optional.of(trace))) {
                return Optional.empty();
            }
            return Optional.of(new LeadStore.ScoreWrite(lead.id(), score, trace, agreement.version()));
        }
    }

    private List<Judged> judgeAll(
            List<StoredLead> leadsToScore,
            Map<Long, List<EngagementEvent>> fresh,
            Set<Long> reread,
            ActiveAgreement.Running agreement,
            Instant now) {
        Scorer scorer = agreement.scorer();
        // the instant as the database keeps it, so that the card worked out again at scored_at is this one
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<Long> unknown = leadsToScore.stream()
                .filter(lead -> reread.contains(lead.id())
                        || lead.trace()
                                .filter(t -> t.rules() == scorer.traceRules())
                                .isEmpty())
                .map(StoredLead::id)
                .toList();
        Map<Long, List<EngagementEvent>> stored = events(unknown, agreement, now);
        var read = new HashSet<>(unknown);
        var judged = new ArrayList<Judged>(leadsToScore.size());
        for (StoredLead lead : leadsToScore) {
            ScoringTrace trace = read.contains(lead.id())
                    ? scorer.trace(stored.getOrDefault(lead.id(), List.of()), at)
                    : scorer.extend(lead.trace().orElseThrow(), fresh.getOrDefault(lead.id(), List.of()), at);
            Score score = scorer.judge(lead.facts(), trace, at);
            // a lead sales sent back qualifies again only on engagement that came after (see Requalification)
            Score counted = lead.status()
                    .evidenceAfter()
                    .map(after -> scorer.judge(lead.facts(), scorer.since(trace, after), at))
                    .orElse(score);
            judged.add(new Judged(
                    lead,
                    trace,
                    score,
                    changed(lead, score, agreement),
                    agreement.lifecycle().qualify(lead.status(), counted, "scoring")));
        }
        return judged;
    }

    /**
     * Routes the lead in the same transaction that qualified it, so that an MQL is never seen without an owner or a
     * queue; the assignment time starts the service-level clocks.
     */
    List<LeadStore.LeadEntry> route(StoredLead lead, ActiveAgreement.Running agreement, Instant now, String cause) {
        Router.Outcome outcome =
                agreement.router().route(lead.facts(), roster.accountOwner(lead.id()), roster.roster(now), now);
        outcome.rotation().ifPresent(roster::saveRotation);
        RoutingDecision decision = outcome.decision();
        leads.saveRouting(lead.id(), decision, now);
        if (decision instanceof RoutingDecision.Assigned assigned) {
            roster.claimAccount(lead.id(), assigned.rep());
        }
        LeadEvent event = decision instanceof RoutingDecision.Assigned assigned
                ? new LeadEvent.LeadRouted(assigned, now)
                : new LeadEvent.LeadQueued((RoutingDecision.Unroutable) decision, now);
        var routed = new LeadStore.LeadEntry(lead.id(), event, cause, Optional.of(agreement.version()));
        var entries = new ArrayList<LeadStore.LeadEntry>();
        entries.add(routed);
        entries.addAll(clocks.on(routed));
        notices.on(entries);
        return entries;
    }

    private static boolean changed(StoredLead lead, Score card, ActiveAgreement.Running agreement) {
        return lead.score().filter(s -> s == card.total()).isEmpty()
                || lead.scoredWith().filter(v -> v == agreement.version()).isEmpty();
    }

    private static LeadStore.LeadEntry scored(
            long leadId, Score card, ActiveAgreement.Running agreement, Instant now, String cause) {
        return new LeadStore.LeadEntry(
                leadId,
                new LeadEvent.LeadScored(
                        card.total(), card.fit(), card.intent(), card.mql().explanation(), now),
                cause,
                Optional.of(agreement.version()));
    }
}
