package dev.baton.core.scoring;

import static dev.baton.testing.Fixtures.saasAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.agreement.NegativeRule;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Properties of the scorer that hold for every lead and every history, checked on generated leads and events under
 * the first example agreement. The generator is seeded, so each run checks the same cases and a failure names the
 * seed and everything drawn for it.
 */
class ScorerProperties {

    private static final int TRIES = 500;
    private static final Agreement AGREEMENT = saasAgreement();
    private static final Scorer SCORER = new Scorer(AGREEMENT);
    /** The same agreement with every scoring span in business time, on its calendar with US holidays. */
    private static final Scorer IN_BUSINESS_TIME = new Scorer(inBusinessTime());

    private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
    private static final Duration RANGE = Duration.ofDays(90);

    @Test
    void theSameInputsInAnyOrderGiveAnEqualCard() {
        forAll(any -> {
            Facts facts = any.facts();
            Instant at = any.instant(START, START.plus(RANGE));
            List<EngagementEvent> events = any.events(START, START.plus(RANGE));
            List<EngagementEvent> shuffled = any.shuffled(events);

            ScoreCard card = SCORER.score(facts, events, at);

            assertThat(SCORER.score(facts, shuffled, at)).isEqualTo(card);
            assertThat(SCORER.score(facts, events, at)).isEqualTo(card);
        });
    }

    private static Agreement inBusinessTime() {
        try {
            String text = java.nio.file.Files.readString(
                    java.nio.file.Path.of("examples/agreements/saas-north-america-europe.yaml"));
            text = text.replace("window: 30d", "window: 20 business days")
                    .replace("half-life: 14d", "half-life: 10 business days")
                    .replace("half-life: 7d", "half-life: 40 business hours")
                    .replace("within: 30d", "within: 4 business weeks")
                    .replace("within: 24h", "within: 1 business day");
            return dev.baton.testing.Fixtures.agreement(text, "saas in business time");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTraceExtendedEventByEventScoresLikeTheWholeHistory() {
        traceExtendedEventByEventScoresLikeTheWholeHistory(SCORER);
    }

    @Test
    void aTraceExtendedEventByEventScoresLikeTheWholeHistoryInBusinessTime() {
        assertThat(IN_BUSINESS_TIME.traceRules()).isNotEqualTo(SCORER.traceRules());
        traceExtendedEventByEventScoresLikeTheWholeHistory(IN_BUSINESS_TIME);
    }

    private static void traceExtendedEventByEventScoresLikeTheWholeHistory(Scorer scorer) {
        // the longest lookback, at its longest over the range (a business span is longer over holidays)
        Duration horizon = Duration.ofDays(45);
        forAll(any -> {
            Facts facts = any.facts();
            List<EngagementEvent> events = any.events(START, START.plus(RANGE));
            // events arrive in any order, as real feeds deliver them, at a clock that only moves on; one in four
            // arrives so late that it is already beyond the horizon
            List<EngagementEvent> arrival = any.shuffled(events);
            ScoringTrace trace = scorer.trace(List.of(), START);
            var seen = new ArrayList<EngagementEvent>();
            Instant now = START;
            for (EngagementEvent event : arrival) {
                Duration lateness = any.chance(4) ? horizon.plus(Duration.ofDays(15)) : Duration.ofDays(2);
                Instant arrived =
                        any.instant(event.occurredAt(), event.occurredAt().plus(lateness));
                now = arrived.isAfter(now) ? arrived : now;
                trace = scorer.extend(trace, List.of(event), now);
                seen.add(event);

                assertThat(scorer.score(facts, trace, now)).isEqualTo(scorer.score(facts, seen, now));
            }
            Instant later = any.instant(now, now.plus(RANGE));
            assertThat(scorer.score(facts, trace, later)).isEqualTo(scorer.score(facts, events, later));
            assertThat(scorer.extend(trace, List.of(), later).size()).isLessThanOrEqualTo(trace.size());
        });
    }

    @Test
    void aTraceCutAtAnInstantScoresLikeTheEventsAfterItWithTheNegativeOnesFromBefore() {
        java.util.Set<String> ever = SCORER.everEventTypes();
        forAll(any -> {
            Facts facts = any.facts();
            List<EngagementEvent> events = any.events(START, START.plus(RANGE));
            Instant now = any.instant(START, START.plus(RANGE));
            Instant after = any.instant(START, now);
            List<EngagementEvent> counted = events.stream()
                    .filter(e -> e.occurredAt().isAfter(after) || ever.contains(e.type()))
                    .toList();

            ScoringTrace cut = SCORER.since(SCORER.trace(events, now), after);

            assertThat(SCORER.score(facts, cut, now)).isEqualTo(SCORER.score(facts, counted, now));
        });
    }

    @Test
    void addingAPositiveEventNeverLowersTheTotal() {
        forAll(any -> {
            Facts facts = any.facts();
            Instant at = any.instant(START, START.plus(RANGE));
            List<EngagementEvent> events = any.events(START, START.plus(RANGE));
            EngagementEvent positive = any.positiveEvent(START, at);
            assertThat(AGREEMENT.negative())
                    .noneMatch(rule -> rule instanceof NegativeRule.OnEvent onEvent
                            && onEvent.event().matches(positive));
            assertThat(AGREEMENT.intent()).anyMatch(rule -> rule.event().matches(positive));
            var more = new ArrayList<>(events);
            more.add(positive);

            ScoreCard before = SCORER.score(facts, events, at);
            ScoreCard after = SCORER.score(facts, more, at);

            assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
            assertThat(after.intent()).isGreaterThanOrEqualTo(before.intent());
        });
    }

    @Test
    void eventsBeyondTheHorizonChangeNothing() {
        eventsBeyondTheHorizonChangeNothing(SCORER);
    }

    @Test
    void eventsBeyondTheHorizonChangeNothingInBusinessTime() {
        eventsBeyondTheHorizonChangeNothing(IN_BUSINESS_TIME);
    }

    private static void eventsBeyondTheHorizonChangeNothing(Scorer scorer) {
        java.util.Set<String> ever = scorer.everEventTypes();
        forAll(any -> {
            Facts facts = any.facts();
            Instant at = any.instant(START, START.plus(RANGE));
            List<EngagementEvent> events = any.events(START, START.plus(RANGE));
            List<EngagementEvent> recent = events.stream()
                    .filter(e ->
                            e.occurredAt().isAfter(scorer.lookbackFrom(at).orElseThrow()) || ever.contains(e.type()))
                    .toList();

            assertThat(scorer.score(facts, recent, at)).isEqualTo(scorer.score(facts, events, at));
        });
    }

    @Test
    void aCappedRulesLineNeverExceedsItsCap() {
        forAll(any -> {
            Instant at = any.instant(START, START.plus(RANGE));
            List<EngagementEvent> burst = any.events(at.minus(Duration.ofDays(3)), at, 150);

            ScoreCard card = SCORER.score(any.facts(), burst, at);

            for (ScoreLine line : card.lines()) {
                if (line.source() == ScoreLine.Source.INTENT) {
                    intentRule(line.rule())
                            .cap()
                            .ifPresent(cap ->
                                    assertThat(line.points()).as(line.rule()).isLessThanOrEqualTo(cap));
                }
            }
        });
    }

    @Test
    void withNoNewEventsTheScoreNeverRisesAsTimePasses() {
        forAll(any -> {
            Facts facts = any.facts();
            Instant earlier = any.instant(START, START.plus(RANGE));
            Instant later = any.instant(earlier, earlier.plus(Duration.ofDays(60)));
            List<EngagementEvent> events = any.events(START, earlier);

            ScoreCard then = SCORER.score(facts, events, earlier);
            ScoreCard now = SCORER.score(facts, events, later);

            assertThat(now.intent()).isLessThanOrEqualTo(then.intent());
            assertThat(now.total()).isLessThanOrEqualTo(then.total());
        });
    }

    @Test
    void theBreakdownAlwaysSumsToFitPlusIntent() {
        forAll(any -> {
            ScoreCard card = SCORER.score(
                    any.facts(), any.events(START, START.plus(RANGE)), any.instant(START, START.plus(RANGE)));

            assertThat(card.lines().stream().mapToInt(ScoreLine::points).sum()).isEqualTo(card.fit() + card.intent());
            assertThat(card.lines().stream()
                            .filter(line -> line.source() != ScoreLine.Source.INTENT)
                            .mapToInt(ScoreLine::points)
                            .sum())
                    .isEqualTo(card.fit());
        });
    }

    @Test
    void eventsAfterTheInstantNeverChangeTheCard() {
        forAll(any -> {
            Facts facts = any.facts();
            Instant at = any.instant(START, START.plus(RANGE));
            List<EngagementEvent> past = any.events(START, at);
            var withFuture = new ArrayList<>(past);
            withFuture.addAll(any.events(at.plusSeconds(1), at.plus(Duration.ofDays(30))));

            assertThat(SCORER.score(facts, withFuture, at)).isEqualTo(SCORER.score(facts, past, at));
        });
    }

    @Test
    void aLeadQualifiesExactlyWhenScoreFitAndSignalsMeetTheMqlRule() {
        forAll(any -> {
            ScoreCard card = SCORER.score(
                    any.facts(), any.events(START, START.plus(RANGE)), any.instant(START, START.plus(RANGE)));

            boolean meetsRule =
                    card.total() >= 60 && card.fit() >= 30 && card.signals().size() >= 2;
            assertThat(card.mql().qualified()).as(card.render()).isEqualTo(meetsRule);
        });
    }

    private static IntentRule intentRule(String name) {
        return AGREEMENT.intent().stream()
                .filter(rule -> rule.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void forAll(Consumer<Generator> property) {
        for (long seed = 1; seed <= TRIES; seed++) {
            var generator = new Generator(seed);
            try {
                property.accept(generator);
            } catch (AssertionError e) {
                throw new AssertionError(
                        "falsified with seed " + seed + ", drawn:\n" + generator.drawn() + "\n" + e.getMessage(), e);
            }
        }
    }

    /** Draws leads, histories and instants over the first example agreement's fields, event types and properties. */
    private static final class Generator {

        private static final List<String> TITLES = List.of(
                "VP Marketing",
                "Director of Sales",
                "Head of Growth",
                "CMO",
                "Marketing Intern",
                "Student",
                "Software Engineer");
        private static final List<String> INDUSTRIES =
                List.of("SaaS", "FinTech", "Professional Services", "Retail", "Manufacturing");
        private static final List<String> COUNTRIES = List.of("US", "CA", "GB", "DE", "BR", "JP");
        private static final List<String> EMAIL_DOMAINS =
                List.of("acme.example", "globex.example", "gmail.com", "yahoo.com", "proton.me");
        private static final List<String> COMPANY_DOMAINS =
                List.of("acme.example", "globex.example", "southwind.example", "eastwind.example");
        private static final List<String> URLS = List.of("/pricing", "/blog/x", "/PRICING?plan=team", "/docs/start");
        private static final List<String> FORMS = List.of("demo", "newsletter");

        private final Random random;
        private final List<String> drawn = new ArrayList<>();
        private int ids;

        Generator(long seed) {
            this.random = new Random(seed);
        }

        String drawn() {
            return String.join("\n", drawn);
        }

        Facts facts() {
            var values = new TreeMap<String, String>();
            maybe(values, "lead.title", () -> pick(TITLES));
            maybe(values, "lead.email", () -> "lee@" + pick(EMAIL_DOMAINS));
            maybe(values, "company.domain", () -> pick(COMPANY_DOMAINS));
            maybe(values, "company.employees", () -> Integer.toString(1 + random.nextInt(2_000)));
            maybe(values, "company.annual_revenue", () -> Long.toString(100_000L + random.nextInt(200_000_000)));
            maybe(values, "company.industry", () -> pick(INDUSTRIES));
            maybe(values, "company.country", () -> pick(COUNTRIES));
            Facts facts = new Facts(values);
            drawn.add("facts " + facts.values());
            return facts;
        }

        Instant instant(Instant from, Instant to) {
            Instant instant = between(from, to);
            drawn.add("instant " + instant);
            return instant;
        }

        List<EngagementEvent> events(Instant from, Instant to) {
            return events(from, to, 40);
        }

        List<EngagementEvent> events(Instant from, Instant to, int atMost) {
            int count = random.nextInt(atMost + 1);
            var events = new ArrayList<EngagementEvent>();
            Instant at = from;
            for (int i = 0; i < count; i++) {
                at = i > 0 && random.nextInt(5) == 0 ? at : between(from, to);
                events.add(random.nextInt(10) == 0 ? negativeOrNeutral(at) : positive(at));
            }
            drawn.add("events " + events);
            return events;
        }

        EngagementEvent positiveEvent(Instant from, Instant to) {
            EngagementEvent event = positive(between(from, to));
            drawn.add("positive event " + event);
            return event;
        }

        /** True one time in {@code n}. */
        boolean chance(int n) {
            boolean yes = random.nextInt(n) == 0;
            drawn.add("chance 1/" + n + " " + yes);
            return yes;
        }

        List<EngagementEvent> shuffled(List<EngagementEvent> events) {
            var copy = new ArrayList<>(events);
            Collections.shuffle(copy, random);
            return copy;
        }

        private EngagementEvent positive(Instant at) {
            switch (random.nextInt(5)) {
                case 0:
                    return event("page_view", at, Map.of("url", pick(URLS)));
                case 1:
                    return event("form_submitted", at, Map.of("form", "demo"));
                case 2:
                    return event("content_downloaded", at, Map.of("content", "playbook"));
                case 3:
                    return event("webinar_attended", at, Map.of());
                default:
                    return event("email_clicked", at, Map.of());
            }
        }

        private EngagementEvent negativeOrNeutral(Instant at) {
            return random.nextBoolean()
                    ? event("email_unsubscribed", at, Map.of())
                    : event("form_submitted", at, Map.of("form", pick(FORMS)));
        }

        private EngagementEvent event(String type, Instant at, Map<String, String> properties) {
            return new EngagementEvent("g" + ++ids, type, at, properties);
        }

        private Instant between(Instant from, Instant to) {
            long seconds = Duration.between(from, to).toSeconds();
            return from.plusSeconds(seconds <= 0 ? 0 : (long) (random.nextDouble() * (seconds + 1)));
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }

        private void maybe(Map<String, String> values, String field, Supplier<String> value) {
            if (random.nextInt(4) != 0) {
                values.put(field, value.get());
            }
        }
    }
}
