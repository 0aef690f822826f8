package dev.baton.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the audit judges what the store finds: the order by pipeline at risk (an MQL without an opportunity counted at
 * what an MQL is worth), catch-all reason codes given too often, and the summary. The store is an in-memory one.
 */
class FunnelAuditTest {

    private static final Instant NOW = Instant.parse("2026-11-02T14:00:00Z");

    /** A store that finds nothing but what a test gives it. */
    private static class Found implements AuditStore {
        Tally duplicates = Tally.none(100);
        Tally untouched = Tally.none(40);
        Tally qualified = new Tally(40, 40, BigDecimal.valueOf(80_000), 30, List.of());
        Map<String, Long> reasons = Map.of();
        Tally given = Tally.none(0);

        @Override
        public Tally missing(String field, Stage stage, Instant asOf) {
            return Tally.none(100);
        }

        @Override
        public Tally duplicateLeads(Instant asOf) {
            return duplicates;
        }

        @Override
        public Tally duplicateDomains(Instant asOf) {
            return Tally.none(50);
        }

        @Override
        public Tally duplicateCompanyNames(Instant asOf) {
            return Tally.none(50);
        }

        @Override
        public Tally withoutSource(Instant asOf) {
            return Tally.none(40);
        }

        @Override
        public Tally untouched(Instant asOf) {
            return untouched;
        }

        @Override
        public Tally touchedLate(Instant asOf) {
            return Tally.none(40);
        }

        @Override
        public void unclocked(Instant asOf, java.util.function.Consumer<Unclocked> each) {}

        @Override
        public Tally tooFewAttempts(Instant asOf) {
            return Tally.none(40);
        }

        @Override
        public Tally skippedSql(Instant asOf, boolean won) {
            return Tally.none(10);
        }

        @Override
        public Tally unattributedWins(Instant asOf) {
            return Tally.none(10);
        }

        @Override
        public Map<String, Long> reasons(Instant asOf) {
            return reasons;
        }

        @Override
        public Tally givenReason(String code, Instant asOf) {
            return given;
        }

        @Override
        public Tally qualified(Instant asOf) {
            return qualified;
        }
    }

    private final Found store = new Found();
    private final FunnelAudit audit = new FunnelAudit(store);

    @Test
    void aFindingOfMqlsWithoutAnOpportunityIsWorthWhatAnMqlIsAndComesFirstWhenThatIsMost() {
        // 80,000 over 40 MQLs: an MQL is worth 2,000
        store.duplicates = new AuditStore.Tally(6, 100, BigDecimal.valueOf(5_000), 0, List.of(7L));
        store.untouched = new AuditStore.Tally(3, 40, BigDecimal.ZERO, 3, List.of(1L, 2L, 3L));

        FunnelAudit.Report report = audit.run(Optional.empty(), NOW);

        assertThat(report.pipelinePerMql()).isEqualByComparingTo("2000");
        assertThat(report.findings())
                .extracting(FunnelAudit.Finding::check, f -> f.pipelineAtRisk().intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("untouched-mqls", 6_000),
                        org.assertj.core.groups.Tuple.tuple("duplicate-leads", 5_000));
        assertThat(report.summary())
                .isEqualTo("2 findings, 8 checks clean; the largest: MQLs never touched — 3 of 40, 6,000 of pipeline"
                        + " at risk.");
    }

    @Test
    void aCatchAllCodeGivenForMoreThanAFifthOfTheReasonsIsAFindingAndAPreciseOneIsNot() {
        store.reasons = Map.of("OTHER", 4L, "NOT_ICP", 7L, "BAD_TIMING", 5L);
        store.given = new AuditStore.Tally(4, 16, BigDecimal.ZERO, 3, List.of(4L, 5L, 6L));

        FunnelAudit.Report report = audit.run(Optional.empty(), NOW);

        assertThat(report.reasons())
                .containsExactly(
                        new FunnelAudit.ReasonCount("NOT_ICP", 7, false),
                        new FunnelAudit.ReasonCount("BAD_TIMING", 5, false),
                        new FunnelAudit.ReasonCount("OTHER", 4, true));
        assertThat(report.findings()).extracting(FunnelAudit.Finding::check).containsExactly("catch-all-reason-OTHER");
        assertThat(report.findings().get(0).count()).isEqualTo(4);
        assertThat(report.findings().get(0).of()).isEqualTo(16);
    }

    @Test
    void aCatchAllCodeGivenForAFifthOrLessIsNoFinding() {
        store.reasons = Map.of("OTHER", 3L, "NOT_ICP", 12L); // exactly a fifth

        assertThat(audit.run(Optional.empty(), NOW).findings()).isEmpty();
        assertThat(FunnelAudit.catchAll("OTHER_REASON")).isTrue();
        assertThat(FunnelAudit.catchAll("NOT_ICP")).isFalse();
    }
}
