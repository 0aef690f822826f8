package dev.baton.core.scoring;

import static dev.baton.testing.Fixtures.aDemoRequest;
import static dev.baton.testing.Fixtures.aLead;
import static dev.baton.testing.Fixtures.aPageView;
import static dev.baton.testing.Fixtures.anEvent;
import static dev.baton.testing.Fixtures.saasAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.FitRule;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.PriorityRule;
import dev.baton.core.calendar.Span;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Reproduces every number of the worked scoring example in docs/agreement.md. */
class WorkedExampleTest {

    private static final Agreement AGREEMENT = saasAgreement();
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private static final Facts DANA = aLead().withEmail("dana.reyes@acme-analytics.example")
            .withTitle("VP Marketing")
            .atCompany("Acme Analytics")
            .withCompanyDomain("acme-analytics.example")
            .withEmployees(200)
            .inIndustry("SaaS")
            .withAnnualRevenue(20_000_000)
            .basedIn("US")
            .build();

    private static final EngagementEvent WEBINAR = anEvent("webinar_attended")
            .withId("e1")
            .with("webinar", "pipeline-math")
            .at("2026-10-10T15:00:00Z")
            .build();
    private static final EngagementEvent BLOG = aPageView("/blog/lead-scoring-101")
            .withId("e2")
            .at("2026-11-06T15:00:00Z")
            .build();
    private static final EngagementEvent DOWNLOAD = anEvent("content_downloaded")
            .withId("e3")
            .with("content", "mql-playbook")
            .at("2026-11-10T15:00:00Z")
            .build();
    private static final EngagementEvent FIRST_PRICING =
            aPageView("/pricing").withId("e4").at("2026-11-13T15:00:00Z").build();
    private static final EngagementEvent CLICK = anEvent("email_clicked")
            .withId("e5")
            .with("campaign", "november-newsletter")
            .at("2026-11-16T15:00:00Z")
            .build();
    private static final EngagementEvent FIRST_DEMO =
            aDemoRequest().withId("e6").at("2026-11-18T15:00:00Z").build();
    private static final EngagementEvent SECOND_DEMO =
            aDemoRequest().withId("e7").at("2026-11-19T15:00:00Z").build();
    private static final EngagementEvent TODAYS_PRICING =
            aPageView("/pricing").withId("e8").at("2026-11-20T09:00:00Z").build();

    private static final List<EngagementEvent> EVENTS =
            List.of(WEBINAR, BLOG, DOWNLOAD, FIRST_PRICING, CLICK, FIRST_DEMO, SECOND_DEMO, TODAYS_PRICING);

    private final ScoreCard card = new Scorer(AGREEMENT).score(DANA, EVENTS, NOW);

    private static IntentRule rule(String name) {
        return AGREEMENT.intent().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String decayed(String rule, List<EngagementEvent> events) {
        return String.format(
                Locale.ROOT,
                "%.2f",
                IntentTally.of(rule(rule), events, NOW, AGREEMENT.calendar().calendar())
                        .decayed());
    }

    private static String decayed(String rule, EngagementEvent event) {
        return decayed(rule, List.of(event));
    }

    private static String ruleSummary(String name) {
        IntentRule rule = rule(name);
        return rule.points() + " per event, cap " + rule.cap().orElseThrow() + ", window "
                + rule.window().orElseThrow() + ", half-life "
                + rule.halfLife().map(Span::toString).orElse("none");
    }

    @Test
    void theExampleAgreementHasTheRulesTheExampleUses() {
        assertThat(ruleSummary("pricing-page")).isEqualTo("10 per event, cap 30, window 30d, half-life 14d");
        assertThat(ruleSummary("demo-request")).isEqualTo("30 per event, cap 30, window 30d, half-life none");
        assertThat(ruleSummary("content-download")).isEqualTo("5 per event, cap 15, window 30d, half-life 14d");
        assertThat(ruleSummary("webinar-attended")).isEqualTo("10 per event, cap 20, window 30d, half-life 14d");
        assertThat(ruleSummary("email-click")).isEqualTo("2 per event, cap 10, window 30d, half-life 7d");
        assertThat(ruleSummary("site-visit")).isEqualTo("1 per event, cap 10, window 30d, half-life 7d");
        assertThat(AGREEMENT.mql().threshold()).isEqualTo(60);
        assertThat(AGREEMENT.mql().minFit()).isEqualTo(30);
        assertThat(AGREEMENT.mql().signals().orElseThrow())
                .extracting(
                        s -> s.atLeast(), s -> s.of().size(), s -> s.within().toString())
                .containsExactly(2, 6, "30d");
        assertThat(AGREEMENT.fit())
                .extracting(FitRule::name, rule -> rule.condition().describe())
                .contains(
                        tuple("company-size", "company.employees between 50 and 500"),
                        tuple("revenue-band", "company.annual_revenue between 5M and 100M"));
        assertThat(AGREEMENT.priority())
                .filteredOn(rule -> rule instanceof PriorityRule.ScoreAtLeast)
                .extracting(rule -> ((PriorityRule.ScoreAtLeast) rule).score())
                .containsExactly(85);
    }

    @Test
    void theEventsAreAsOldAsTheTableSays() {
        assertThat(EVENTS)
                .extracting(event -> Duration.between(event.occurredAt(), NOW))
                .containsExactly(
                        Duration.ofDays(41),
                        Duration.ofDays(14),
                        Duration.ofDays(10),
                        Duration.ofDays(7),
                        Duration.ofDays(4),
                        Duration.ofDays(2),
                        Duration.ofDays(1),
                        Duration.ofHours(6));
    }

    @Test
    void fitIsFiftyFromFiveRules() {
        assertThat(card.fit()).isEqualTo(50);
        assertThat(card.lines())
                .filteredOn(line -> line.source() != ScoreLine.Source.INTENT)
                .extracting(ScoreLine::rule, ScoreLine::points)
                .containsExactly(
                        tuple("company-size", 15),
                        tuple("target-industry", 10),
                        tuple("revenue-band", 10),
                        tuple("target-region", 5),
                        tuple("senior-title", 10));
    }

    @Test
    void aWeekOldPricingPageViewKeepsSeventyPercentOfItsPoints() {
        assertThat(String.format(Locale.ROOT, "%.4f", Math.pow(0.5, 7.0 / 14))).isEqualTo("0.7071");
        assertThat(decayed("pricing-page", FIRST_PRICING)).isEqualTo("7.07");
    }

    @Test
    void eachDecayedEventIsWorthItsPointsHalvedOncePerHalfLife() {
        assertThat(decayed("pricing-page", TODAYS_PRICING)).isEqualTo("9.88");
        assertThat(decayed("content-download", DOWNLOAD)).isEqualTo("3.05");
        assertThat(decayed("email-click", CLICK)).isEqualTo("1.35");
        assertThat(decayed("site-visit", BLOG)).isEqualTo("0.25");
        assertThat(decayed("site-visit", FIRST_PRICING)).isEqualTo("0.50");
        assertThat(decayed("site-visit", TODAYS_PRICING)).isEqualTo("0.98");
    }

    @Test
    void eachRuleSumsItsDecayedEventsBeforeTheCapAndRounding() {
        assertThat(decayed("pricing-page", EVENTS)).isEqualTo("16.95");
        assertThat(decayed("demo-request", EVENTS)).isEqualTo("60.00");
        assertThat(decayed("content-download", EVENTS)).isEqualTo("3.05");
        assertThat(decayed("email-click", EVENTS)).isEqualTo("1.35");
        assertThat(decayed("site-visit", EVENTS)).isEqualTo("1.73");
    }

    @Test
    void theWebinarIsOutsideTheThirtyDayWindow() {
        assertThat(IntentTally.of(
                                rule("webinar-attended"),
                                EVENTS,
                                NOW,
                                AGREEMENT.calendar().calendar())
                        .count())
                .isZero();
        assertThat(card.lines()).extracting(ScoreLine::rule).doesNotContain("webinar-attended");
        assertThat(card.signals()).doesNotContain("webinar-attended");
    }

    @Test
    void intentIsFiftyThreeAfterCapsAndRounding() {
        assertThat(card.lines())
                .filteredOn(line -> line.source() == ScoreLine.Source.INTENT)
                .extracting(ScoreLine::rule, ScoreLine::points)
                .containsExactly(
                        tuple("pricing-page", 17),
                        tuple("demo-request", 30),
                        tuple("content-download", 3),
                        tuple("email-click", 1),
                        tuple("site-visit", 2));
        assertThat(card.intent()).isEqualTo(53);
    }

    @Test
    void totalIsOneHundredAndThree() {
        assertThat(card.total()).isEqualTo(103);
    }

    @Test
    void theLeadQualifiesWithFiveSignals() {
        assertThat(card.signals())
                .containsExactly("pricing-page", "demo-request", "content-download", "email-click", "site-visit");
        assertThat(card.mql())
                .isEqualTo(new MqlDecision(true, "qualified: score 103 ≥ 60, fit 50 ≥ 30, 5 signals ≥ 2"));
    }

    @Test
    void allThreePriorityRulesFire() {
        assertThat(card.priority())
                .containsExactly(
                        new PriorityFlag("hot-score", "score 103 ≥ 85"),
                        new PriorityFlag("pricing-page-today", "pricing-page in the last 24 hours"),
                        new PriorityFlag("asked-for-demo", "demo-request in the last 30 days"));
    }

    @Test
    void theRenderedCardIsTheOneInTheDocument() {
        assertThat(card.render()).isEqualTo("""
                        score 103 (fit 50, intent 53) at 2026-11-20T15:00:00Z
                           +15  company-size             company.employees = 200
                           +10  target-industry          company.industry = SaaS
                           +10  revenue-band             company.annual_revenue = 20000000
                            +5  target-region            company.country = US
                           +10  senior-title             lead.title = VP Marketing
                           +17  pricing-page             2 × page_view where url ~ /pricing from 2026-11-13T15:00:00Z \
                        to 2026-11-20T09:00:00Z; 20 decayed to 16.9 (half-life 14d)
                           +30  demo-request             2 × form_submitted where form ~ demo from 2026-11-18T15:00:00Z \
                        to 2026-11-19T15:00:00Z; capped at 30
                            +3  content-download         1 × content_downloaded on 2026-11-10T15:00:00Z; \
                        5 decayed to 3.0 (half-life 14d)
                            +1  email-click              1 × email_clicked on 2026-11-16T15:00:00Z; \
                        2 decayed to 1.3 (half-life 7d)
                            +2  site-visit               3 × page_view from 2026-11-06T15:00:00Z to 2026-11-20T09:00:00Z; \
                        3 decayed to 1.7 (half-life 7d)
                        qualified: score 103 ≥ 60, fit 50 ≥ 30, 5 signals ≥ 2
                        priority: score 103 ≥ 85
                        priority: pricing-page in the last 24 hours
                        priority: demo-request in the last 30 days
                        """);
    }

    @Test
    void theAgreementReferenceShowsThisCard() throws IOException {
        String reference = Files.readString(Path.of("docs", "agreement.md"));

        assertThat(reference).contains("## Worked scoring example");
        assertThat(reference.substring(reference.indexOf("## Worked scoring example")))
                .contains("```\n" + card.render() + "```\n");
    }
}
