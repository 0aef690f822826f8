package dev.baton.core.engine;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.HistoryEntry;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.scoring.ScoreCard;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores a locked lead against a running agreement, records the new score when it changed, and qualifies the lead
 * when the MQL rule is met — the one place where both live intake and bulk rescoring do this.
 */
final class Rescorer {

    private final LeadStore leads;

    Rescorer(LeadStore leads) {
        this.leads = leads;
    }

    void rescore(
            StoredLead lead,
            List<EngagementEvent> events,
            ActiveAgreement.Running agreement,
            Instant now,
            String cause) {
        ScoreCard card = agreement.scorer().score(lead.facts(), events, now);
        boolean changed = lead.score().filter(s -> s == card.total()).isEmpty()
                || lead.scoredWith().filter(v -> v == agreement.version()).isEmpty();
        if (changed) {
            leads.saveScore(lead.id(), card, agreement.version());
            leads.append(
                    lead.id(),
                    new HistoryEntry(
                            "LeadScored",
                            now,
                            "scoring",
                            cause,
                            Optional.of(agreement.version()),
                            Map.of(
                                    "score", card.total(),
                                    "fit", card.fit(),
                                    "intent", card.intent(),
                                    "mql", card.mql().explanation())));
        }
        Optional<StageChange.LeadQualified> qualified = agreement.lifecycle().qualify(lead.status(), card, "scoring");
        if (qualified.isPresent()) {
            StageChange.LeadQualified change = qualified.get();
            leads.saveStatus(lead.id(), lead.status().after(change), now);
            leads.saveQualification(lead.id(), agreement.version(), now, change.why(), change.priority());
            leads.append(
                    lead.id(),
                    new HistoryEntry("LeadQualified", now, "scoring", cause, Optional.of(agreement.version()), change));
        }
    }
}
