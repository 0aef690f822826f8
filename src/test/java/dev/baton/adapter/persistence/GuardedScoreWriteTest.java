package dev.baton.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.StoredLead;
import dev.baton.core.engine.Transactions;
import dev.baton.core.lead.Email;
import dev.baton.core.scoring.MqlDecision;
import dev.baton.core.scoring.Score;
import dev.baton.core.scoring.ScoringTrace;
import dev.baton.testing.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rescoring writes a score read without a lock only if no one wrote the lead since it was read. */
class GuardedScoreWriteTest extends IntegrationTest {

    private static final Instant AT = Instant.parse("2026-11-20T15:00:00Z");

    @Autowired
    LeadStore leads;

    @Autowired
    Transactions transactions;

    @Test
    void aScoreIsWrittenOnlyOverTheRevisionItWasWorkedOutFrom() {
        int version = activateExample("saas-north-america-europe.yaml");
        long id = transactions
                .inTransaction(() -> leads.lockOrCreate(new Email("guard-" + UUID.randomUUID() + "@acme.example"), AT))
                .id();
        StoredLead read = leads.find(id).orElseThrow();
        transactions.inTransaction(() -> {
            leads.saveProfile(id, Map.of("lead.title", "VP Marketing"), AT);
            return null;
        });

        Set<Long> stale = transactions.inTransaction(
                () -> leads.saveScoresUnlessChanged(List.of(write(id, 11, version)), Map.of(id, read.revision())));
        StoredLead current = leads.find(id).orElseThrow();

        assertThat(current.score()).as("the stale score was not written").isEmpty();
        assertThat(current.profile()).as("the change it never saw is kept").containsEntry("lead.title", "VP Marketing");
        Set<Long> fresh = transactions.inTransaction(
                () -> leads.saveScoresUnlessChanged(List.of(write(id, 22, version)), Map.of(id, current.revision())));

        assertThat(stale).as("written over a change it never saw").isEmpty();
        assertThat(fresh).containsExactly(id);
        assertThat(leads.find(id).orElseThrow().score()).contains(22);
        assertThat(leads.find(id).orElseThrow().revision()).isNotEqualTo(current.revision());
    }

    private static LeadStore.ScoreWrite write(long id, int fit, int version) {
        var score = new Score(AT, fit, 0, List.of(), new MqlDecision(false, "not yet"), List.of());
        return new LeadStore.ScoreWrite(id, score, new ScoringTrace(1, 1, new Instant[0], new long[0]), version);
    }
}
