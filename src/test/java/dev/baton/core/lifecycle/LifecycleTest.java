package dev.baton.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.agreement.Agreement;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Agreement AGREEMENT = load();
    private static final Map<String, String> BANT =
            Map.of("budget", "60k approved", "authority", "VP signs", "need", "pipeline reporting", "timeline", "Q1");

    private final Lifecycle lifecycle = new Lifecycle(AGREEMENT, 3);

    private static Agreement load() {
        try {
            String text = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
            return new AgreementYamlReader().read(text, "saas").orThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LeadStatus in(Stage stage) {
        return new LeadStatus(stage, 1, Optional.empty());
    }

    /** Every command, complete, so that only the transition table decides. */
    private Outcome take(Step step, LeadStatus status) {
        return switch (step) {
            case ACCEPT -> lifecycle.accept(status, "rep", NOW);
            case REJECT -> lifecycle.reject(status, Optional.of("NOT_ICP"), Optional.empty(), "rep", NOW);
            case QUALIFY_SQL -> lifecycle.qualifyToSql(status, BANT, "rep", NOW);
            case OPEN_OPPORTUNITY ->
                lifecycle.openOpportunity(
                        status,
                        Optional.of(new BigDecimal("48000")),
                        Optional.of("USD"),
                        Optional.of(LocalDate.parse("2027-02-28")),
                        "rep",
                        NOW);
            case WIN -> lifecycle.win(status, "rep", NOW);
            case LOSE -> lifecycle.lose(status, Optional.of("went with a competitor"), "rep", NOW);
            case NURTURE -> lifecycle.nurture(status, Optional.empty(), "rep", NOW);
            case RECYCLE -> lifecycle.recycle(status, Optional.empty(), "rep", NOW);
            case DISQUALIFY -> lifecycle.disqualify(status, Optional.of("COMPETITOR"), "rep", NOW);
            case QUALIFY -> throw new IllegalArgumentException("qualification comes from scoring");
        };
    }

    static Stream<Arguments> everyStageAndCommand() {
        List<Arguments> cases = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (Step step : Step.values()) {
                if (step != Step.QUALIFY) {
                    cases.add(Arguments.of(stage, step));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStageAndCommand")
    void transitionTableDecidesEveryCommand(Stage stage, Step step) {
        Outcome outcome = take(step, in(stage));

        if (Transitions.allows(stage, step)) {
            assertThat(outcome).isInstanceOf(Outcome.Moved.class);
            Outcome.Moved moved = (Outcome.Moved) outcome;
            assertThat(moved.changes().get(0).from()).isEqualTo(stage);
            assertThat(moved.changes().get(0).to()).isEqualTo(step.target());
        } else {
            assertThat(outcome).isInstanceOf(Outcome.Refused.class);
            Outcome.Refused refused = (Outcome.Refused) outcome;
            assertThat(refused.current()).isEqualTo(stage);
            assertThat(refused.allowed()).isEqualTo(Transitions.from(stage));
            assertThat(refused.message()).contains("a lead in stage " + stage.word() + " cannot " + step.word());
        }
    }

    @Test
    void wonAndDisqualifiedAreFinal() {
        assertThat(Transitions.from(Stage.WON)).isEmpty();
        assertThat(Transitions.from(Stage.DISQUALIFIED)).isEmpty();
        assertThat(((Outcome.Refused) lifecycle.accept(in(Stage.WON), "rep", NOW)).message())
                .endsWith("allowed: nothing (won is final)");
    }

    @Test
    void rejectionWithoutReasonCodeIsRefused() {
        Outcome outcome = lifecycle.reject(in(Stage.MQL), Optional.empty(), Optional.of("meh"), "rep", NOW);

        assertThat(outcome)
                .isEqualTo(new Outcome.Incomplete(
                        "reasonCode",
                        "a reason code is required; one of NOT_ICP, BAD_CONTACT_DATA, COMPETITOR, ALREADY_IN_PIPELINE,"
                                + " NO_BUDGET, BAD_TIMING, NO_RESPONSE"));
    }

    @Test
    void rejectionWithAReasonCodeTheAgreementLacksIsRefused() {
        Outcome outcome = lifecycle.reject(in(Stage.MQL), Optional.of("TOO_SMALL"), Optional.empty(), "rep", NOW);

        assertThat(outcome).isInstanceOf(Outcome.Incomplete.class);
        assertThat(((Outcome.Incomplete) outcome).message()).startsWith("'TOO_SMALL' is not a reason code");
    }

    @Test
    void rejectionAppliesTheReasonCodesConsequence() {
        Outcome.Moved disqualified =
                (Outcome.Moved) lifecycle.reject(in(Stage.MQL), Optional.of("NOT_ICP"), Optional.empty(), "rep", NOW);
        Outcome.Moved nurtured = (Outcome.Moved)
                lifecycle.reject(in(Stage.MQL), Optional.of("NO_RESPONSE"), Optional.empty(), "rep", NOW);
        Outcome.Moved recycled =
                (Outcome.Moved) lifecycle.reject(in(Stage.MQL), Optional.of("NO_BUDGET"), Optional.empty(), "rep", NOW);

        assertThat(disqualified.changes())
                .extracting(StageChange::to)
                .containsExactly(Stage.REJECTED, Stage.DISQUALIFIED);
        assertThat(nurtured.stage()).isEqualTo(Stage.NURTURE);
        assertThat(recycled.stage()).isEqualTo(Stage.RECYCLED);
        assertThat(((StageChange.LeadRecycled) recycled.changes().get(1)).coolOffUntil())
                .contains(NOW.plus(Duration.ofDays(90)));
    }

    @Test
    void disqualificationNeedsAReasonCode() {
        assertThat(lifecycle.disqualify(in(Stage.ACCEPTED), Optional.empty(), "rep", NOW))
                .isInstanceOf(Outcome.Incomplete.class)
                .extracting(o -> ((Outcome.Incomplete) o).field())
                .isEqualTo("reasonCode");
    }

    @Test
    void salesQualificationNeedsEveryBantAnswerTheAgreementRequires() {
        Outcome outcome = lifecycle.qualifyToSql(
                in(Stage.ACCEPTED), Map.of("budget", "yes", "authority", "CFO", "need", " "), "rep", NOW);

        assertThat(outcome).isEqualTo(new Outcome.Incomplete("bant.need", "the agreement requires an answer for need"));
    }

    @Test
    void opportunityNeedsAmountCurrencyAndCloseDate() {
        LeadStatus sql = in(Stage.SQL);
        Optional<LocalDate> close = Optional.of(LocalDate.parse("2027-01-31"));

        assertThat(lifecycle.openOpportunity(sql, Optional.of(BigDecimal.ZERO), Optional.of("USD"), close, "rep", NOW))
                .extracting(o -> ((Outcome.Incomplete) o).field())
                .isEqualTo("amount");
        assertThat(lifecycle.openOpportunity(
                        sql, Optional.of(BigDecimal.TEN), Optional.of("DOLLARS"), close, "rep", NOW))
                .extracting(o -> ((Outcome.Incomplete) o).field())
                .isEqualTo("currency");
        assertThat(lifecycle.openOpportunity(
                        sql, Optional.of(BigDecimal.TEN), Optional.of("EUR"), Optional.empty(), "rep", NOW))
                .extracting(o -> ((Outcome.Incomplete) o).field())
                .isEqualTo("expectedCloseDate");
    }

    @Test
    void lostOpportunityNeedsAReason() {
        assertThat(lifecycle.lose(in(Stage.OPPORTUNITY), Optional.of("  "), "rep", NOW))
                .isEqualTo(new Outcome.Incomplete("reason", "a lost opportunity needs a reason"));
    }

    @Test
    void statusAfterQualificationStartsTheNextCycle() {
        var qualified = new StageChange.LeadQualified(Stage.NURTURE, NOW, "scoring", 2, 3, 71, "qualified", List.of());

        LeadStatus after = new LeadStatus(Stage.NURTURE, 1, Optional.empty()).after(qualified);

        assertThat(after).isEqualTo(new LeadStatus(Stage.MQL, 2, Optional.empty()));
    }

    @Test
    void pastStageChangesFollowTheTableAndTheReasonCodeRule() {
        Outcome toMql = lifecycle.recordPast(in(Stage.LEAD), Stage.MQL, Optional.empty(), "sdr-7", NOW, "crm");
        Outcome skipping = lifecycle.recordPast(in(Stage.LEAD), Stage.WON, Optional.empty(), "sr-2", NOW, "crm");
        Outcome rejectedWithoutCode =
                lifecycle.recordPast(in(Stage.MQL), Stage.REJECTED, Optional.empty(), "sr-2", NOW, "crm");
        Outcome rejected =
                lifecycle.recordPast(in(Stage.MQL), Stage.REJECTED, Optional.of("NO_RESPONSE"), "sr-2", NOW, "crm");

        assertThat(((Outcome.Moved) toMql).stage()).isEqualTo(Stage.MQL);
        assertThat(new LeadStatus(Stage.LEAD, 0, Optional.empty())
                        .after(((Outcome.Moved) toMql).changes().get(0)))
                .isEqualTo(new LeadStatus(Stage.MQL, 1, Optional.empty()));
        assertThat(skipping).isInstanceOf(Outcome.Refused.class);
        assertThat(rejectedWithoutCode)
                .extracting(o -> ((Outcome.Incomplete) o).field())
                .isEqualTo("reasonCode");
        assertThat(((Outcome.Moved) rejected).stage()).isEqualTo(Stage.NURTURE);
    }
}
