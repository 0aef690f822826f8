package dev.baton.core.scoring;

import static dev.baton.testing.Fixtures.NOW;
import static dev.baton.testing.Fixtures.aDemoRequest;
import static dev.baton.testing.Fixtures.aLead;
import static dev.baton.testing.Fixtures.aPageView;
import static dev.baton.testing.Fixtures.agreementWith;
import static dev.baton.testing.Fixtures.anEvent;
import static dev.baton.testing.Fixtures.anIdealLead;
import static dev.baton.testing.Fixtures.events;
import static dev.baton.testing.Fixtures.saasAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScorerTest {

    private static final Scorer SAAS = new Scorer(saasAgreement());
    private static final Facts NOBODY = aLead().build();

    private static Scorer scorerFor(String sections) {
        return new Scorer(agreementWith(sections));
    }

    private static Scorer scorerWithIntentRule(String rule) {
        return scorerFor("""
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - %s
                mql:
                  threshold: 60
                """.formatted(rule));
    }

    private static ScoreLine line(ScoreCard card, String rule) {
        return card.lines().stream()
                .filter(l -> l.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + rule + " in\n" + card.render()));
    }

    @Test
    void fitRulesAddTheirPointsWhenTheLeadMatches() {
        ScoreCard card = SAAS.score(anIdealLead().build(), List.of(), NOW);

        assertThat(card.fit()).isEqualTo(50);
        assertThat(card.lines())
                .extracting(ScoreLine::rule, ScoreLine::source, ScoreLine::points)
                .containsExactly(
                        tuple("company-size", ScoreLine.Source.FIT, 15),
                        tuple("target-industry", ScoreLine.Source.FIT, 10),
                        tuple("revenue-band", ScoreLine.Source.FIT, 10),
                        tuple("target-region", ScoreLine.Source.FIT, 5),
                        tuple("senior-title", ScoreLine.Source.FIT, 10));
    }

    @Test
    void fitLineShowsTheValueTheRuleLookedAt() {
        ScoreCard card = SAAS.score(anIdealLead().build(), List.of(), NOW);

        assertThat(line(card, "company-size").evidence()).isEqualTo("company.employees = 200");
        assertThat(line(card, "company-size").when()).isEmpty();
    }

    @ParameterizedTest(name = "{0} employees earn {1} points")
    @CsvSource({"49, 0", "50, 15", "500, 15", "501, 0"})
    void aRangeIncludesBothEnds(long employees, int fit) {
        Facts lead = aLead().withEmployees(employees).build();

        assertThat(SAAS.score(lead, List.of(), NOW).fit()).isEqualTo(fit);
    }

    @Test
    void aRangeIgnoresAValueThatIsNotANumber() {
        Facts lead = aLead().with("company.employees", "about 200").build();

        assertThat(SAAS.score(lead, List.of(), NOW).lines()).isEmpty();
    }

    @Test
    void setRulesIgnoreCase() {
        Facts lead = aLead().inIndustry("saas").basedIn("us").build();

        assertThat(SAAS.score(lead, List.of(), NOW).lines())
                .extracting(ScoreLine::rule)
                .containsExactly("target-industry", "target-region");
    }

    @Test
    void fieldPatternsAreCaseInsensitiveAndMatchAnywhere() {
        Facts lead = aLead().withTitle("Senior vp, Demand Generation").build();

        assertThat(SAAS.score(lead, List.of(), NOW).lines())
                .extracting(ScoreLine::rule, ScoreLine::points)
                .containsExactly(tuple("senior-title", 10));
    }

    @Test
    void negativeFieldRuleSubtractsFromFit() {
        Facts lead = anIdealLead().withEmail("Jane.Doe@Gmail.com").build();

        ScoreCard card = SAAS.score(lead, List.of(), NOW);

        assertThat(card.fit()).isEqualTo(30);
        assertThat(line(card, "free-mail"))
                .extracting(ScoreLine::source, ScoreLine::points, ScoreLine::evidence)
                .containsExactly(ScoreLine.Source.NEGATIVE, -20, "lead.email_domain = gmail.com");
    }

    @Test
    void aCompetitorEndsUpBelowZero() {
        Facts lead = anIdealLead().withCompanyDomain("southwind.example").build();

        ScoreCard card = SAAS.score(lead, List.of(), NOW);

        assertThat(card.fit()).isEqualTo(-50);
        assertThat(card.total()).isEqualTo(-50);
        assertThat(card.mql().explanation())
                .isEqualTo("not yet: score -50 < 60 (110 short); fit -50 < 30;"
                        + " needs 2 more intent signals in the last 30 days");
    }

    @Test
    void negativeEventRuleAppliesOnceEvenAfterManyEvents() {
        List<EngagementEvent> unsubscribes = events(
                anEvent("email_unsubscribed").daysAgo(3),
                anEvent("email_unsubscribed").daysAgo(2),
                anEvent("email_unsubscribed").daysAgo(1));

        ScoreCard card = SAAS.score(anIdealLead().build(), unsubscribes, NOW);

        assertThat(card.fit()).isEqualTo(50 - 30);
        assertThat(card.lines())
                .filteredOn(l -> l.rule().equals("unsubscribed"))
                .hasSize(1);
        assertThat(line(card, "unsubscribed"))
                .extracting(ScoreLine::points, ScoreLine::evidence, ScoreLine::when)
                .containsExactly(
                        -30, "email_unsubscribed on 2026-11-17T15:00:00Z", Optional.of(NOW.minus(Duration.ofDays(3))));
    }

    @Test
    void negativeEventRuleCountsAnEventOfAnyAge() {
        List<EngagementEvent> unsubscribe = events(anEvent("email_unsubscribed").daysAgo(400));

        assertThat(SAAS.score(anIdealLead().build(), unsubscribe, NOW).fit()).isEqualTo(20);
    }

    @Test
    void intentRuleAddsItsPointsForEachMatchingEvent() {
        Scorer scorer = scorerWithIntentRule("{name: demo, event: form_submitted, points: 10}");
        List<EngagementEvent> forms = events(
                anEvent("form_submitted").daysAgo(300),
                anEvent("form_submitted").daysAgo(2),
                anEvent("form_submitted").daysAgo(1));

        ScoreCard card = scorer.score(NOBODY, forms, NOW);

        assertThat(card.intent()).isEqualTo(30);
        assertThat(line(card, "demo").source()).isEqualTo(ScoreLine.Source.INTENT);
    }

    @Test
    void capLimitsARuleNoMatterHowManyEvents() {
        Scorer scorer = scorerWithIntentRule("{name: demo, event: form_submitted, points: 10, cap: 30}");
        List<EngagementEvent> hundredForms = IntStream.range(0, 100)
                .mapToObj(i -> anEvent("form_submitted").daysAgo(i).build())
                .toList();

        ScoreCard card = scorer.score(NOBODY, hundredForms, NOW);

        assertThat(card.intent()).isEqualTo(30);
        assertThat(line(card, "demo").evidence())
                .startsWith("100 × form_submitted from ")
                .endsWith("; capped at 30");
    }

    @Test
    void capAppliesToDecayedPointsNotToRawPoints() {
        Scorer scorer = scorerWithIntentRule("{name: pricing, event: page_view, points: 10, cap: 30, half-life: 14d}");
        List<EngagementEvent> oldViews = IntStream.range(0, 4)
                .mapToObj(i -> aPageView("/pricing").daysAgo(14).build())
                .toList();

        ScoreCard card = scorer.score(NOBODY, oldViews, NOW);

        assertThat(card.intent()).isEqualTo(20);
        assertThat(line(card, "pricing").evidence()).doesNotContain("capped");
    }

    @Test
    void eventsOutsideTheWindowDoNotCount() {
        Scorer scorer = scorerWithIntentRule("{name: demo, event: form_submitted, points: 10, window: 30d}");
        List<EngagementEvent> forms = events(
                anEvent("form_submitted").daysAgo(31),
                anEvent("form_submitted").daysAgo(29),
                anEvent("form_submitted").daysAgo(45));

        ScoreCard card = scorer.score(NOBODY, forms, NOW);

        assertThat(card.intent()).isEqualTo(10);
        assertThat(line(card, "demo").evidence()).startsWith("1 × form_submitted on 2026-10-22T15:00:00Z");
    }

    @Test
    void anEventExactlyOneWindowOldHasLeftTheWindow() {
        Scorer scorer = scorerWithIntentRule("{name: demo, event: form_submitted, points: 10, window: 30d}");

        ScoreCard card = scorer.score(NOBODY, events(anEvent("form_submitted").daysAgo(30)), NOW);

        assertThat(card.intent()).isZero();
        assertThat(card.lines()).extracting(ScoreLine::rule).doesNotContain("demo");
    }

    @Test
    void halfLifeHalvesAnEventsPointsAfterOneHalfLife() {
        Scorer scorer = scorerWithIntentRule("{name: webinar, event: webinar_attended, points: 10, half-life: 14d}");

        ScoreCard card = scorer.score(NOBODY, events(anEvent("webinar_attended").daysAgo(14)), NOW);

        assertThat(card.intent()).isEqualTo(5);
        assertThat(line(card, "webinar").evidence())
                .isEqualTo("1 × webinar_attended on 2026-11-06T15:00:00Z; 10 decayed to 5 (half-life 14d)");
    }

    @Test
    void decayedPointsAreRoundedToTheNearestWholePoint() {
        Scorer scorer = scorerWithIntentRule("{name: webinar, event: webinar_attended, points: 10, half-life: 14d}");

        ScoreCard card = scorer.score(NOBODY, events(anEvent("webinar_attended").daysAgo(7)), NOW);

        assertThat(card.intent()).isEqualTo(7);
        assertThat(line(card, "webinar").evidence()).endsWith("; 10 decayed to 7.1 (half-life 14d)");
    }

    @Test
    void anEventDecayedBelowHalfAPointAddsNoLine() {
        Scorer scorer = scorerWithIntentRule("{name: visit, event: page_view, points: 1, half-life: 7d}");

        ScoreCard card = scorer.score(NOBODY, events(aPageView("/blog/x").daysAgo(8)), NOW);

        assertThat(card.intent()).isZero();
        assertThat(card.lines()).extracting(ScoreLine::rule).doesNotContain("visit");
    }

    @Test
    void eventsAfterTheInstantAreIgnored() {
        List<EngagementEvent> past = events(aPageView("/pricing").daysAgo(1));
        var withFuture = new ArrayList<>(past);
        withFuture.addAll(events(
                aPageView("/pricing").at(NOW.plusSeconds(1)),
                aDemoRequest().at(NOW.plus(Duration.ofDays(2))),
                anEvent("email_unsubscribed").at(NOW.plus(Duration.ofDays(3)))));

        ScoreCard card = SAAS.score(anIdealLead().build(), withFuture, NOW);

        assertThat(card).isEqualTo(SAAS.score(anIdealLead().build(), past, NOW));
        assertThat(card.total()).isEqualTo(50 + 10 + 1);
    }

    @Test
    void anEventAtTheInstantCounts() {
        ScoreCard card = SAAS.score(NOBODY, events(aDemoRequest().at(NOW)), NOW);

        assertThat(card.intent()).isEqualTo(30);
    }

    @Test
    void wherePatternsAreCaseInsensitiveAndMatchAnywhere() {
        List<EngagementEvent> view = events(aPageView("https://northwind.example/PRICING?plan=team"));

        ScoreCard card = SAAS.score(NOBODY, view, NOW);

        assertThat(line(card, "pricing-page").points()).isEqualTo(10);
    }

    @Test
    void anEventWithoutTheMatchedPropertyDoesNotMatch() {
        ScoreCard card = SAAS.score(NOBODY, events(anEvent("page_view")), NOW);

        assertThat(card.lines()).extracting(ScoreLine::rule).containsExactly("site-visit");
    }

    @Test
    void anEventWhosePropertyDoesNotMatchTheWherePatternDoesNotCount() {
        ScoreCard card = SAAS.score(NOBODY, events(anEvent("form_submitted").with("form", "newsletter")), NOW);

        assertThat(card.intent()).isZero();
        assertThat(card.signals()).isEmpty();
    }

    @Test
    void oneEventCanFeedSeveralRules() {
        ScoreCard card = SAAS.score(NOBODY, events(aPageView("/pricing")), NOW);

        assertThat(card.lines())
                .extracting(ScoreLine::rule, ScoreLine::points)
                .containsExactly(tuple("pricing-page", 10), tuple("site-visit", 1));
        assertThat(card.intent()).isEqualTo(11);
    }

    @Test
    void intentEvidenceSaysWhatWasCountedAndWhen() {
        List<EngagementEvent> demos =
                events(aDemoRequest().daysAgo(1), aDemoRequest().daysAgo(2));

        ScoreLine demo = line(SAAS.score(NOBODY, demos, NOW), "demo-request");

        assertThat(demo.evidence())
                .isEqualTo("2 × form_submitted where form ~ demo"
                        + " from 2026-11-18T15:00:00Z to 2026-11-19T15:00:00Z; capped at 30");
        assertThat(demo.when()).contains(NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void mqlNeedsEnoughDistinctSignals() {
        List<EngagementEvent> twoDemoRequests =
                events(aDemoRequest().daysAgo(2), aDemoRequest().daysAgo(1));

        ScoreCard card = SAAS.score(anIdealLead().build(), twoDemoRequests, NOW);

        assertThat(card.total()).isEqualTo(80);
        assertThat(card.signals()).containsExactly("demo-request");
        assertThat(card.mql().qualified()).isFalse();
        assertThat(card.mql().explanation()).isEqualTo("not yet: needs one more intent signal in the last 30 days");
    }

    @Test
    void mqlNeedsTheThresholdScore() {
        List<EngagementEvent> light = events(anEvent("email_clicked"), anEvent("content_downloaded"));

        ScoreCard card = SAAS.score(anIdealLead().build(), light, NOW);

        assertThat(card.mql().qualified()).isFalse();
        assertThat(card.mql().explanation()).isEqualTo("not yet: score 57 < 60 (3 short)");
    }

    @Test
    void mqlNeedsTheMinimumFit() {
        Facts lukewarmFit = aLead().withTitle("Head of Growth")
                .inIndustry("SaaS")
                .basedIn("DE")
                .build();
        List<EngagementEvent> busy = events(aDemoRequest(), aPageView("/pricing"), anEvent("content_downloaded"));

        ScoreCard card = SAAS.score(lukewarmFit, busy, NOW);

        assertThat(card.total()).isEqualTo(25 + 30 + 10 + 1 + 5);
        assertThat(card.mql().explanation()).isEqualTo("not yet: fit 25 < 30");
    }

    @Test
    void notYetExplanationListsEveryMissingCondition() {
        ScoreCard card = SAAS.score(NOBODY, List.of(), NOW);

        assertThat(card.mql().explanation())
                .isEqualTo(
                        "not yet: score 0 < 60 (60 short); fit 0 < 30; needs 2 more intent signals in the last 30 days");
    }

    @Test
    void qualifiedExplanationListsEveryCondition() {
        List<EngagementEvent> hot =
                events(aDemoRequest().daysAgo(1), aPageView("/pricing").daysAgo(1));

        ScoreCard card = SAAS.score(anIdealLead().build(), hot, NOW);

        assertThat(card.mql().qualified()).isTrue();
        assertThat(card.mql().explanation()).isEqualTo("qualified: score 91 ≥ 60, fit 50 ≥ 30, 2 signals ≥ 2");
    }

    @Test
    void signalsListTheIntentRulesThatFiredInAgreementOrder() {
        List<EngagementEvent> mixed = events(
                anEvent("email_clicked").daysAgo(1),
                aPageView("/pricing").daysAgo(5),
                aPageView("/blog/lead-routing").daysAgo(3),
                aDemoRequest().daysAgo(10));

        ScoreCard card = SAAS.score(NOBODY, mixed, NOW);

        assertThat(card.signals()).containsExactly("pricing-page", "demo-request", "email-click", "site-visit");
    }

    @Test
    void aSignalMustFallInsideTheMqlWindowEvenWhileItStillScores() {
        Scorer scorer = scorerFor("""
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - {name: webinar, event: webinar_attended, points: 10, window: 90d}
                mql:
                  threshold: 10
                  signals: {at-least: 1, within: 7d}
                """);

        ScoreCard card = scorer.score(NOBODY, events(anEvent("webinar_attended").daysAgo(10)), NOW);

        assertThat(card.intent()).isEqualTo(10);
        assertThat(card.signals()).isEmpty();
        assertThat(card.mql().explanation()).isEqualTo("not yet: needs one more intent signal in the last 7 days");
    }

    @Test
    void onlyTheListedRulesCountAsSignals() {
        Scorer scorer = scorerFor("""
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - {name: webinar, event: webinar_attended, points: 10}
                  - {name: demo, event: form_submitted, points: 30}
                mql:
                  threshold: 10
                  signals: {at-least: 1, of: [demo], within: 30d}
                """);

        ScoreCard card = scorer.score(NOBODY, events(anEvent("webinar_attended")), NOW);

        assertThat(card.signals()).isEmpty();
        assertThat(card.mql().qualified()).isFalse();
    }

    @Test
    void aThresholdAloneDecidesWhenTheMqlRuleSaysNothingElse() {
        Scorer scorer = scorerWithIntentRule("{name: demo, event: form_submitted, points: 60}");

        ScoreCard card = scorer.score(NOBODY, events(anEvent("form_submitted")), NOW);

        assertThat(card.mql()).isEqualTo(new MqlDecision(true, "qualified: score 60 ≥ 60"));
    }

    @Test
    void priorityFlagsHotScoreAndRecentPricingPage() {
        List<EngagementEvent> busy = new ArrayList<>();
        busy.addAll(events(
                aPageView("/pricing").at("2026-11-20T09:00:00Z"),
                aPageView("/pricing").at("2026-11-19T18:00:00Z"),
                aPageView("/pricing").at("2026-11-19T17:00:00Z"),
                aPageView("/pricing").at("2026-11-19T16:00:00Z")));
        busy.addAll(events(
                anEvent("content_downloaded").daysAgo(1),
                anEvent("content_downloaded").daysAgo(1),
                anEvent("content_downloaded").daysAgo(1),
                anEvent("content_downloaded").daysAgo(1)));

        ScoreCard card = SAAS.score(anIdealLead().build(), busy, NOW);

        assertThat(card.total()).isEqualTo(50 + 30 + 15 + 4);
        assertThat(card.priority())
                .containsExactly(
                        new PriorityFlag("hot-score", "score 99 ≥ 85"),
                        new PriorityFlag("pricing-page-today", "pricing-page in the last 24 hours"));
        assertThat(card.isPriority()).isTrue();
    }

    @Test
    void aPricingPageViewOlderThanADayRaisesNoFlag() {
        ScoreCard card =
                SAAS.score(anIdealLead().build(), events(aPageView("/pricing").ago(Duration.ofHours(25))), NOW);

        assertThat(card.priority()).isEmpty();
        assertThat(card.isPriority()).isFalse();
    }

    @Test
    void aDemoRequestKeepsALeadHotForItsWindow() {
        ScoreCard card = SAAS.score(NOBODY, events(aDemoRequest().daysAgo(29)), NOW);

        assertThat(card.priority())
                .containsExactly(new PriorityFlag("asked-for-demo", "demo-request in the last 30 days"));
    }

    @Test
    void aRecentSignalFlagWithoutItsOwnWindowUsesTheRulesWindow() {
        Scorer scorer = scorerFor("""
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - {name: pricing-page, event: page_view, points: 10, window: 7d}
                mql:
                  threshold: 60
                priority:
                  - {name: pricing-this-week, signal: pricing-page}
                """);

        assertThat(scorer.score(NOBODY, events(aPageView("/pricing").daysAgo(6)), NOW)
                        .priority())
                .containsExactly(new PriorityFlag("pricing-this-week", "pricing-page in the last 7 days"));
        assertThat(scorer.score(NOBODY, events(aPageView("/pricing").daysAgo(8)), NOW)
                        .priority())
                .isEmpty();
    }

    @Test
    void aRecentSignalFlagWithNoWindowAtAllFlagsAnyPastEvent() {
        Scorer scorer = scorerFor("""
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - {name: pricing-page, event: page_view, points: 10}
                mql:
                  threshold: 60
                priority:
                  - {name: ever-priced, signal: pricing-page}
                """);

        ScoreCard card = scorer.score(NOBODY, events(aPageView("/pricing").daysAgo(1000)), NOW);

        assertThat(card.priority()).containsExactly(new PriorityFlag("ever-priced", "pricing-page seen"));
    }

    @Test
    void breakdownLinesSumToTheTotal() {
        Facts freeMailer = anIdealLead().withEmail("jane@yahoo.com").build();
        List<EngagementEvent> mixed = events(
                aPageView("/pricing").daysAgo(3),
                aPageView("/blog/x").daysAgo(2),
                anEvent("webinar_attended").daysAgo(12),
                anEvent("email_clicked").daysAgo(1),
                anEvent("email_unsubscribed").daysAgo(1),
                aDemoRequest().daysAgo(6));

        ScoreCard card = SAAS.score(freeMailer, mixed, NOW);

        assertThat(card.lines().stream().mapToInt(ScoreLine::points).sum()).isEqualTo(card.total());
        assertThat(card.lines().stream()
                        .filter(l -> l.source() == ScoreLine.Source.INTENT)
                        .mapToInt(ScoreLine::points)
                        .sum())
                .isEqualTo(card.intent());
        assertThat(card.fit()).isEqualTo(50 - 20 - 30);
    }

    @Test
    void theOrderOfTheEventsDoesNotMatter() {
        List<EngagementEvent> inOrder = events(
                aPageView("/pricing").daysAgo(9),
                aPageView("/pricing").daysAgo(3),
                anEvent("content_downloaded").daysAgo(2),
                anEvent("email_unsubscribed").daysAgo(5),
                anEvent("email_unsubscribed").daysAgo(4));
        var reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);

        assertThat(SAAS.score(anIdealLead().build(), reversed, NOW))
                .isEqualTo(SAAS.score(anIdealLead().build(), inOrder, NOW));
    }

    @Test
    void theCardRecordsTheInstantItWasScoredAt() {
        assertThat(SAAS.score(NOBODY, List.of(), NOW).at()).isEqualTo(NOW);
    }

    @Test
    void oneEventIsEvidenceForOneSignalOnly() {
        ScoreCard card = SAAS.score(anIdealLead().build(), events(aPageView("/pricing")), NOW);

        assertThat(card.signals()).containsExactly("pricing-page");
        assertThat(card.mql().qualified()).isFalse();
        assertThat(card.lines()).extracting(ScoreLine::rule).contains("pricing-page", "site-visit");
    }

    @Test
    void aSingleSignalReadsInTheSingular() {
        Scorer scorer = new Scorer(agreementWith("""
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - {name: webinar, event: webinar_attended, points: 10}
                mql:
                  threshold: 0
                  signals: {at-least: 1, within: 30d}
                """));

        ScoreCard card =
                scorer.score(aLead().build(), events(anEvent("webinar_attended").daysAgo(2)), NOW);

        assertThat(card.mql().explanation()).isEqualTo("qualified: score 10 ≥ 0, 1 signal ≥ 1");
    }

    @Test
    void factsWrittenLikeAgreementAmountsAreNumbers() {
        ScoreCard card =
                SAAS.score(anIdealLead().with("company.annual_revenue", "20M").build(), List.of(), NOW);

        assertThat(card.lines()).extracting(ScoreLine::rule).contains("revenue-band");
    }

    @Test
    void theHorizonIsTheLongestWindowAndEverRulesAreNamed() {
        assertThat(SAAS.lookbackFrom(NOW)).contains(NOW.minus(Duration.ofDays(30)));
        assertThat(SAAS.everEventTypes()).containsExactly("email_unsubscribed");
        Scorer forever = new Scorer(agreementWith("""
                fit:
                  - {name: titled, field: lead.title, present: true, points: 10}
                intent:
                  - {name: webinar, event: webinar_attended, points: 10}
                mql: {threshold: 10}
                """));
        assertThat(forever.lookbackFrom(NOW)).isEmpty();
    }
}
