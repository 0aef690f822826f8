package dev.baton.core.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompanyFactTest {

    private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

    private static CompanyFact.Tally tally(String value, long leads, int minute) {
        return new CompanyFact.Tally(value, leads, T.plusSeconds(60L * minute));
    }

    @Test
    void aValueSetOnTheCompanyWins() {
        var decision = CompanyFact.decide(Optional.of("Acme"), Optional.of("ACME Inc."), List.of(tally("Acme", 9, 0)));

        assertThat(decision).hasValue(new CompanyFact.Decision("ACME Inc.", "set on the company"));
    }

    @Test
    void theValueMostLeadsReportWins() {
        var decision = CompanyFact.decide(
                Optional.of("Acme"), Optional.empty(), List.of(tally("Acme", 1, 0), tally("Acme Corp", 2, 5)));

        assertThat(decision.orElseThrow().value()).isEqualTo("Acme Corp");
        assertThat(decision.orElseThrow().why()).isEqualTo("reported by 2 of the 3 leads that give it");
    }

    @Test
    void aTieKeepsTheCurrentValueOrElseTheFirstReported() {
        var tied = List.of(tally("Beta", 2, 0), tally("Alpha", 2, 9));

        assertThat(CompanyFact.decide(Optional.of("Alpha"), Optional.empty(), tied)
                        .orElseThrow()
                        .value())
                .isEqualTo("Alpha");
        assertThat(CompanyFact.decide(Optional.of("Gamma"), Optional.empty(), tied)
                        .orElseThrow()
                        .value())
                .isEqualTo("Beta");
        assertThat(CompanyFact.decide(Optional.empty(), Optional.empty(), tied)
                        .orElseThrow()
                        .value())
                .isEqualTo("Beta");
    }

    @Test
    void nothingReportedAndNothingSetDecidesNothing() {
        assertThat(CompanyFact.decide(Optional.of("Acme"), Optional.empty(), List.of()))
                .isEmpty();
    }
}
