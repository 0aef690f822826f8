package dev.baton.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.Condition;
import dev.baton.core.agreement.NegativeRule;
import dev.baton.core.agreement.PriorityRule;
import dev.baton.core.agreement.ReasonCode;
import dev.baton.core.agreement.Routing;
import dev.baton.core.calendar.Span;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AgreementYamlReaderTest {

    private final AgreementYamlReader reader = new AgreementYamlReader(new JollydayHolidays());

    private Agreement saas() throws IOException {
        String text = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        return reader.read(text, "saas").orThrow();
    }

    @Test
    void firstExampleCarriesTheNumbersOfTheDesign() throws IOException {
        Agreement agreement = saas();

        assertThat(agreement.calendar().timezone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(agreement.fit().get(0).condition())
                .isEqualTo(new Condition.Range(
                        agreement.fit().get(0).condition().field(),
                        java.util.Optional.of(BigDecimal.valueOf(50)),
                        java.util.Optional.of(BigDecimal.valueOf(500))));
        assertThat(agreement.fit().get(2).condition().describe())
                .isEqualTo("company.annual_revenue between 5M and 100M");
        assertThat(agreement.mql().threshold()).isEqualTo(60);
        assertThat(agreement.mql().signals().orElseThrow().atLeast()).isEqualTo(2);
        assertThat(agreement.mql().signals().orElseThrow().of()).hasSize(6);
        assertThat(agreement.mql().signals().orElseThrow().within()).isEqualTo(Span.of(30, Span.Unit.DAYS));
        assertThat(agreement.priority())
                .contains(new PriorityRule.ScoreAtLeast("hot-score", 85))
                .contains(new PriorityRule.RecentSignal(
                        "pricing-page-today", "pricing-page", java.util.Optional.of(Span.of(24, Span.Unit.HOURS))));
        assertThat(agreement.sla().routeWithin()).contains(Span.business(2, Span.Unit.HOURS));
        assertThat(agreement.sla().firstTouchWithin()).contains(Span.of(24, Span.Unit.HOURS));
        assertThat(agreement.sla().priorityFirstTouchWithin()).contains(Span.of(2, Span.Unit.HOURS));
        assertThat(agreement.sla().attempts().orElseThrow().within()).isEqualTo(Span.business(10, Span.Unit.DAYS));
        assertThat(agreement.reasonCodes()).hasSize(7);
        assertThat(agreement.reasonCode("NO_BUDGET").orElseThrow().consequence())
                .isEqualTo(ReasonCode.Consequence.RECYCLE);
        assertThat(agreement.targets()).hasSize(11);
        assertThat(agreement.negative()).hasAtLeastOneElementOfType(NegativeRule.OnEvent.class);
        assertThat(agreement.routing().orElseThrow().rules().get(0).destination())
                .isEqualTo(new Routing.ToTeam("na-mid-market"));
    }

    @Test
    void aRepsClocksRunOnTheAgreementsHoursInTheRepsOwnTimezoneElseTheTeams() throws IOException {
        String text = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"))
                .replace(
                        "      - email: tom.berg@northwind.example\n",
                        "      - email: tom.berg@northwind.example\n        timezone: America/Los_Angeles\n");
        Agreement agreement = reader.read(text, "saas").orThrow();
        Instant mondayMorning = Instant.parse("2026-10-05T13:30:00Z"); // 09:30 in New York, 06:30 in Los Angeles

        assertThat(agreement.calendarOf("tom.berg@northwind.example").zone())
                .isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(agreement.calendarOf("lukas.maier@northwind.example").zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(agreement.calendarOf("nobody@northwind.example").zone()).isEqualTo(ZoneId.of("America/New_York"));
        // Tom starts at 09:00 Pacific (16:00 UTC); two business hours later it is 11:00 there
        assertThat(agreement
                        .calendarOf("tom.berg@northwind.example")
                        .plus(mondayMorning, Span.business(2, Span.Unit.HOURS)))
                .isEqualTo("2026-10-05T18:00:00Z");
        assertThat(agreement
                        .calendarOf("alex.kim@northwind.example")
                        .plus(mondayMorning, Span.business(2, Span.Unit.HOURS)))
                .isEqualTo("2026-10-05T15:30:00Z");
    }

    @Test
    void countryCodeNoIsTextNotAFalseBoolean() {
        String text = """
                agreement: Norway
                calendar: {timezone: Europe/Oslo, hours: {monday: 08:00-16:00}}
                fit: [{name: norway, field: company.country, in: [NO, SE], points: 5}]
                intent: [{name: visit, event: page_view, points: 1}]
                mql: {threshold: 1}
                reason-codes: [{code: NOT_ICP, label: Not ICP, consequence: disqualify}]
                """;

        Agreement agreement = reader.read(text, "norway").orThrow();

        assertThat(agreement.fit().get(0).condition().describe()).isEqualTo("company.country in NO, SE");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String text = """
                agreement: Many mistakes
                calendar: {timezone: Mars/Olympus, hours: {monday: 9-5}}
                fit: [{name: Size, field: company.employees, min: lots, points: 0}]
                intent: [{name: visit, event: page-view, points: 1, window: 3 weeks ago}]
                mql: {threshold: -1}
                reason-codes: [{code: no budget, label: x, consequence: forget}]
                """;

        ReadResult result = reader.read(text, "many");

        assertThat(result.isValid()).isFalse();
        assertThat(result.problems())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("'Mars/Olympus' is not a timezone"))
                .anySatisfy(m -> assertThat(m).contains("'9-5' is not opening hours"))
                .anySatisfy(m -> assertThat(m).contains("'Size' is not valid"))
                .anySatisfy(m -> assertThat(m).contains("'lots' is not an amount"))
                .anySatisfy(m -> assertThat(m).contains("fit[0].points: must be a whole number from 1 to 1000"))
                .anySatisfy(m -> assertThat(m).contains("'page-view' is not valid"))
                .anySatisfy(m -> assertThat(m).contains("'3 weeks ago' is not a duration"))
                .anySatisfy(m -> assertThat(m).contains("mql.threshold: must be a whole number from 0 to 1000"))
                .anySatisfy(m -> assertThat(m).contains("'no budget' is not valid"))
                .anySatisfy(m -> assertThat(m).contains("'forget' is not one of disqualify, nurture, recycle"));
        assertThat(result.problems()).isSortedAccordingTo(Problem::compareTo);
    }

    @Test
    void aliasBombIsRefusedInsteadOfExpanded() throws java.io.IOException {
        String valid = java.nio.file.Files.readString(
                java.nio.file.Path.of("examples/agreements/saas-north-america-europe.yaml"));
        // each level refers twenty times to the one before: 20^12 nodes if expanded, 240 aliases as written
        var bomb = new StringBuilder("\nx-bomb-0: &l0 [x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 12; level++) {
            bomb.append("x-bomb-").append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 20; i++) {
                bomb.append(i == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            bomb.append("]\n");
        }
        assertThat(reader.read(valid, "valid").isValid())
                .as("the document without the bomb")
                .isTrue();

        ReadResult result = reader.read(valid + bomb, "bomb");

        assertThat(result.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("Number of aliases for non-scalar nodes exceeds the specified max=200"));
    }

    @Test
    void twoDocumentsInOneFileAreAProblem() {
        ReadResult result = reader.read("agreement: one\n---\nagreement: two\n", "two");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("YAML syntax error");
        });
    }
}
