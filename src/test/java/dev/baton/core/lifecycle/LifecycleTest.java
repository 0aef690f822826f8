package dev.baton.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.scoring.Score;
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
import java.util.Set;
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
            return new AgreementYamlReader(new JollydayHolidays())
                    .read(text, "saas")
                    .orThrow();
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

    /**
     * The lifecycle as the design draws it, written out here rather than read from the table under test: for each
     * stage, x where a command may be taken. Qualifying (from lead, nurture and recycled) is scoring's, tested below.
     */
    private static final String MATRIX = """
                          accept  reject  qualify-sql  open-opportunity  win  lose  nurture  recycle  disqualify
            lead            .       .         .              .            .    .      x        .         x
            mql             x       x         .              .            .    .      x        .         x
            accepted        .       .         x              .            .    .      x        x         x
            sql             .       .         .              x            .    .      x        x         x
            opportunity     .       .         .              .            x    x      .        .         .
            won             .       .         .              .            .    .      .        .         .
            lost            .       .         .              .            .    .      x        x         .
            nurture         .       .         .              .            .    .      .        x         x
            recycled        .       .         .              .            .    .      x        .         x
            disqualified    .       .         .              .            .    .      .        .         .
            rejected        .       .         .              .            .    .      x        x         x
            """;

    /** Where each command takes a lead, written out. */
    private static final Map<String, String> TARGETS = Map.of(
            "accept", "accepted",
            "reject", "rejected",
            "qualify-sql", "sql",
            "open-opportunity", "opportunity",
            "win", "won",
            "lose", "lost",
            "nurture", "nurture",
            "recycle", "recycled",
            "disqualify", "disqualified");

    /** The stages from which scoring may qualify a lead, written out. */
    private static final Set<String> QUALIFIABLE = Set.of("lead", "nurture", "recycled");

    private static List<String> commands() {
        return List.of(MATRIX.lines().findFirst().orElseThrow().strip().split("\\s+"));
    }

    /** The commands the matrix allows from a stage, by their words. */
    private static List<String> allowedFrom(String stage) {
        List<String> commands = commands();
        String[] row = MATRIX.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(stage + " "))
                .findFirst()
                .orElseThrow()
                .split("\\s+");
        var allowed = new ArrayList<String>();
        for (int i = 0; i < commands.size(); i++) {
            if (row[i + 1].equals("x")) {
                allowed.add(commands.get(i));
            }
        }
        return allowed;
    }

    static Stream<Arguments> everyStageAndCommand() {
        List<Arguments> cases = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            for (String command : commands()) {
                cases.add(Arguments.of(stage, command));
            }
        }
        return cases.stream();
    }

    private static Step step(String word) {
        return java.util.Arrays.stream(Step.values())
                .filter(s -> s.word().equals(word))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step is called " + word));
    }

    @Test
    void theMatrixCoversEveryStageAndEveryCommand() {
        assertThat(MATRIX.lines().skip(1).map(line -> line.strip().split("\\s+")[0]))
                .containsExactlyInAnyOrderElementsOf(
                        java.util.Arrays.stream(Stage.values()).map(Stage::word).toList());
        assertThat(commands())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Step.values())
                        .filter(s -> s != Step.QUALIFY)
                        .map(Step::word)
                        .toList());
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStageAndCommand")
    void theLifecycleAllowsExactlyWhatTheMatrixSays(Stage stage, String command) {
        Outcome outcome = take(step(command), in(stage));

        if (allowedFrom(stage.word()).contains(command)) {
            assertThat(outcome).isInstanceOf(Outcome.Moved.class);
            Outcome.Moved moved = (Outcome.Moved) outcome;
            assertThat(moved.changes().get(0).from()).isEqualTo(stage);
            assertThat(moved.changes().get(0).to().word()).isEqualTo(TARGETS.get(command));
        } else {
            assertThat(outcome).isInstanceOf(Outcome.Refused.class);
            Outcome.Refused refused = (Outcome.Refused) outcome;
            assertThat(refused.current()).isEqualTo(stage);
            var allowed = new ArrayList<>(allowedFrom(stage.word()));
            if (QUALIFIABLE.contains(stage.word())) {
                allowed.add("qualify");
            }
            assertThat(refused.allowed().stream().map(Step::word).toList())
                    .containsExactlyInAnyOrderElementsOf(allowed);
            assertThat(refused.message()).contains("a lead in stage " + stage.word() + " cannot " + command);
        }
    }

    @ParameterizedTest(name = "scoring qualifies from {0}")
    @org.junit.jupiter.params.provider.EnumSource(Stage.class)
    void scoringQualifiesOnlyFromLeadNurtureAndRecycled(Stage stage) {
        Score qualifying = new dev.baton.core.scoring.Scorer(AGREEMENT)
                .judge(
                        dev.baton.testing.Fixtures.anIdealLead().build(),
                        new dev.baton.core.scoring.Scorer(AGREEMENT)
                                .trace(
                                        dev.baton.testing.Fixtures.events(
                                                dev.baton.testing.Fixtures.aDemoRequest(),
                                                dev.baton.testing.Fixtures.aPageView("/pricing")),
                                        NOW),
                        NOW);
        assertThat(qualifying.mql().qualified()).isTrue();

        Optional<StageChange.LeadQualified> qualified = lifecycle.qualify(in(stage), qualifying, "scoring");

        assertThat(qualified.isPresent()).isEqualTo(QUALIFIABLE.contains(stage.word()));
        qualified.ifPresent(q -> assertThat(q.to().word()).isEqualTo("mql"));
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
    void aCoolOffInBusinessDaysIsCountedOnTheAgreementsCalendar() throws IOException {
        String text = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"))
                .replace("    cool-off: 60d\n", "    cool-off: 3 business days\n");
        Agreement agreement = new AgreementYamlReader(new JollydayHolidays())
                .read(text, "saas")
                .orThrow();
        // Wednesday 25 November 2026, 10:00 in New York; Thursday is Thanksgiving and the weekend follows
        Instant wednesday = Instant.parse("2026-11-25T15:00:00Z");

        Outcome.Moved recycled = (Outcome.Moved) new Lifecycle(agreement, 1)
                .reject(in(Stage.MQL), Optional.of("BAD_TIMING"), Optional.empty(), "rep", wednesday);

        // Friday, Monday, Tuesday: the cool-off ends on Tuesday 1 December at 10:00
        assertThat(((StageChange.LeadRecycled) recycled.changes().get(1)).coolOffUntil())
                .contains(Instant.parse("2026-12-01T15:00:00Z"));
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
                .isEqualTo(new Outcome.Incomplete("lostReason", "a lost opportunity needs a reason"));
    }

    @Test
    void statusAfterQualificationStartsTheNextCycle() {
        var qualified =
                new StageChange.LeadQualified(Stage.NURTURE, NOW, "scoring", 2, 3, 71, 40, "qualified", List.of());

        LeadStatus after = new LeadStatus(Stage.NURTURE, 1, Optional.empty()).after(qualified);

        assertThat(after).isEqualTo(new LeadStatus(Stage.MQL, 2, Optional.empty()));
    }

    @Test
    void pastStageChangesFollowTheTableAndTheReasonCodeRule() {
        Optional<String> none = Optional.empty();
        Outcome toMql = lifecycle.recordPast(in(Stage.LEAD), Stage.MQL, none, none, "sdr-7", NOW, "crm");
        Outcome skipping = lifecycle.recordPast(in(Stage.LEAD), Stage.WON, none, none, "sr-2", NOW, "crm");
        Outcome rejectedWithoutCode =
                lifecycle.recordPast(in(Stage.MQL), Stage.REJECTED, none, none, "sr-2", NOW, "crm");
        Outcome rejected = lifecycle.recordPast(
                in(Stage.MQL), Stage.REJECTED, Optional.of("NO_RESPONSE"), none, "sr-2", NOW, "crm");

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

    @Test
    void aPastLossNeedsAReasonAsALiveOneDoes() {
        Outcome withoutReason = lifecycle.recordPast(
                in(Stage.OPPORTUNITY), Stage.LOST, Optional.empty(), Optional.of("  "), "sr-2", NOW, "crm");
        Outcome withReason = lifecycle.recordPast(
                in(Stage.OPPORTUNITY),
                Stage.LOST,
                Optional.empty(),
                Optional.of("went with a rival"),
                "sr-2",
                NOW,
                "crm");

        assertThat(withoutReason).isEqualTo(new Outcome.Incomplete("lostReason", "a lost opportunity needs a reason"));
        assertThat(((StageChange.StageRecorded)
                                ((Outcome.Moved) withReason).changes().get(0))
                        .reason())
                .contains("went with a rival");
    }

    @Test
    void aPastRecyclingKeepsTheCoolOffOfItsReasonCode() {
        Outcome recycled = lifecycle.recordPast(
                in(Stage.ACCEPTED), Stage.RECYCLED, Optional.of("NO_BUDGET"), Optional.empty(), "sr-2", NOW, "crm");

        LeadStatus after =
                in(Stage.ACCEPTED).after(((Outcome.Moved) recycled).changes().get(0));

        assertThat(after.stage()).isEqualTo(Stage.RECYCLED);
        assertThat(after.coolOffUntil()).contains(Instant.parse("2027-02-18T15:00:00Z"));
    }

    @ParameterizedTest(name = "{0} on a {1} lead")
    @org.junit.jupiter.params.provider.CsvSource({
        "nurture, WON",
        "recycle, WON",
        "nurture, DISQUALIFIED",
        "nurture, NURTURE",
        "recycle, RECYCLED"
    })
    void aStepTheStageRefusesIsRefusedBeforeItsReasonCodeIsRead(String command, Stage stage) {
        Outcome outcome = command.equals("nurture")
                ? lifecycle.nurture(in(stage), Optional.of("NO_SUCH_CODE"), "rep", NOW)
                : lifecycle.recycle(in(stage), Optional.of("NO_SUCH_CODE"), "rep", NOW);

        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void aReasonCodeTheAgreementLacksIsRefusedWhereTheStepIsAllowed() {
        assertThat(lifecycle.nurture(in(Stage.MQL), Optional.of("NO_SUCH_CODE"), "rep", NOW))
                .extracting(o -> ((Outcome.Incomplete) o).field())
                .isEqualTo("reasonCode");
        assertThat(lifecycle.recycle(in(Stage.ACCEPTED), Optional.of("NO_SUCH_CODE"), "rep", NOW))
                .extracting(o -> ((Outcome.Incomplete) o).field())
                .isEqualTo("reasonCode");
    }
}
