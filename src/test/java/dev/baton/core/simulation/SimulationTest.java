package dev.baton.core.simulation;

import static dev.baton.testing.Fixtures.agreementWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The simulation on a generated history whose answer is known: a third of the leads fit (30 points), each lead viewed
 * the pricing page 0 to 5 times (10 points each, capped at 50), webinar leads reached SQL far more often than ads
 * leads. Every figure the report gives is worked out here again from the generator's own numbers, without the scorer.
 */
class SimulationTest {

    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-06T00:00:00Z");
    private static final int LEADS = 200;
    private static final int BEFORE = 10;

    private static Agreement withThreshold(int threshold) {
        return agreementWith("""
                fit:
                  - name: saas
                    field: company.industry
                    in: [SaaS]
                    points: 30
                intent:
                  - name: pricing
                    event: page_view
                    where:
                      url: '/pricing'
                    points: 10
                    cap: 50
                    window: 30d
                mql:
                  threshold: %d
                teams:
                  - name: sales
                    manager: manager@x.example
                    reps:
                      - email: a@x.example
                        capacity: 3
                      - email: b@x.example
                        capacity: 3
                routing:
                  rules:
                    - name: everyone
                      when:
                        - field: lead.source
                          present: true
                      team: sales
                  fallback:
                    queue: unrouted
                    owner: manager@x.example
                targets:
                  - metric: mql-to-sql-rate
                    at-least: 25%%
                    owner: shared
                  - metric: mqls-per-week
                    at-least: 10
                    owner: marketing
                """.formatted(threshold));
    }

    /** A generated lead, with what the generator knows about it. */
    private record Generated(
            long id,
            boolean fits,
            Instant created,
            List<Instant> views,
            boolean sql,
            boolean won,
            LeadHistory history) {

        int peak() {
            return (fits ? 30 : 0) + 10 * Math.min(views.size(), 5);
        }

        /** When its score first reached the threshold: at creation on fit alone, else at the view that did it. */
        Optional<Instant> qualifiedAt(int threshold) {
            int score = fits ? 30 : 0;
            if (score >= threshold) {
                return Optional.of(created);
            }
            for (Instant view : views) {
                score = Math.min(score + 10, (fits ? 30 : 0) + 50);
                if (score >= threshold) {
                    return Optional.of(view);
                }
            }
            return Optional.empty();
        }

        boolean qualifiesInPeriod(int threshold) {
            return qualifiedAt(threshold)
                    .filter(at -> !at.isBefore(FROM) && at.isBefore(TO))
                    .isPresent();
        }
    }

    private static List<Generated> history() {
        var leads = new ArrayList<Generated>();
        for (int i = 0; i < LEADS; i++) {
            leads.add(generated(i + 1, i % 3 == 0, FROM.plus(Duration.ofHours(4L * i)), i % 6, i % 2 == 0, i));
        }
        // leads that qualified under either version before the period: not counted in it
        for (int i = 0; i < BEFORE; i++) {
            leads.add(generated(LEADS + i + 1, true, FROM.minus(Duration.ofDays(20)), 3, true, i));
        }
        return leads;
    }

    private static Generated generated(long id, boolean fits, Instant created, int views, boolean webinar, int i) {
        var at = IntStream.rangeClosed(1, views)
                .mapToObj(j -> created.plus(Duration.ofHours(j)))
                .toList();
        boolean sql = webinar ? i % 4 == 0 : i % 10 == 1;
        boolean won = sql && i % 8 == 0;
        var events = new ArrayList<EngagementEvent>();
        for (Instant view : at) {
            events.add(new EngagementEvent("e-" + id + "-" + view, "page_view", view, Map.of("url", "/pricing")));
        }
        // an event no rule counts changes nothing
        events.add(new EngagementEvent("e-" + id + "-blog", "page_view", created, Map.of("url", "/blog")));
        var facts = new Facts(
                Map.of("lead.source", webinar ? "webinar" : "ads", "company.industry", fits ? "SaaS" : "Retail"));
        var outcome = new Outcome(
                id % 5 == 0 ? List.of(created) : List.of(),
                sql,
                sql,
                won,
                won ? Map.of("EUR", new BigDecimal("1000")) : Map.of());
        return new Generated(id, fits, created, at, sql, won, new LeadHistory(id, facts, created, events, outcome));
    }

    private static SimulationReport simulate(Agreement draft, Agreement active, List<Generated> leads) {
        var simulation = new Simulation(draft, active, 1, FROM, TO, 10);
        leads.forEach(lead -> simulation.add(simulation.judge(lead.history())));
        return simulation.report();
    }

    private static LocalDate weekOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Test
    void aLowerThresholdQualifiesExactlyTheLeadsJustUnderTheOldOneAndTellsHowTheyReallyWentOn() {
        List<Generated> leads = history();
        SimulationReport report = simulate(withThreshold(40), withThreshold(50), leads);

        var inPeriod = leads.stream().filter(l -> !l.created().isBefore(FROM)).toList();
        var newly = leads.stream()
                .filter(l -> l.qualifiesInPeriod(40) && !l.qualifiesInPeriod(50))
                .toList();
        assertThat(newly).isNotEmpty().allSatisfy(l -> assertThat(l.peak()).isEqualTo(40));
        assertThat(report.leads()).isEqualTo(inPeriod.size());
        assertThat(report.draftMqls())
                .isEqualTo(leads.stream().filter(l -> l.qualifiesInPeriod(40)).count());
        assertThat(report.activeMqls())
                .isEqualTo(leads.stream().filter(l -> l.qualifiesInPeriod(50)).count());
        assertThat(report.recordedMqls())
                .isEqualTo(inPeriod.stream().filter(l -> l.id() % 5 == 0).count());
        assertThat(report.newlyQualified().leads()).isEqualTo(newly.size());
        assertThat(report.newlyQualified().sql())
                .isEqualTo(newly.stream().filter(Generated::sql).count());
        assertThat(report.newlyQualified().won())
                .isEqualTo(newly.stream().filter(Generated::won).count());
        assertThat(report.newlyQualified().revenue()).isEqualTo(wonRevenue(newly));
        assertThat(report.noLongerQualified().leads()).isZero();
        assertThat(report.bothQualified().leads()).isEqualTo(report.activeMqls());
        assertThat(report.newlyQualified().examples())
                .hasSize(5)
                .allSatisfy(id -> assertThat(newly).anyMatch(l -> l.id() == id));

        var weeks = new TreeMap<LocalDate, long[]>();
        for (LocalDate week = weekOf(FROM); week.isBefore(weekOf(TO)); week = week.plusWeeks(1)) {
            weeks.put(week, new long[2]);
        }
        for (Generated lead : leads) {
            if (lead.qualifiesInPeriod(40)) {
                weeks.get(weekOf(lead.qualifiedAt(40).orElseThrow()))[0]++;
            }
            if (lead.qualifiesInPeriod(50)) {
                weeks.get(weekOf(lead.qualifiedAt(50).orElseThrow()))[1]++;
            }
        }
        assertThat(report.weeks()).hasSize(5);
        assertThat(report.weeks())
                .allSatisfy(week ->
                        assertThat(new long[] {week.draft(), week.active()}).containsExactly(weeks.get(week.start())));
        assertThat(report.weeklyTarget()).contains(10.0);
        assertThat(report.summary())
                .startsWith(String.format(
                        "%d MQLs under the draft against %d under version 1 (+%.0f%%)",
                        report.draftMqls(), report.activeMqls(), 100.0 * newly.size() / report.activeMqls()))
                .contains(newly.size() + " leads would newly qualify");
    }

    @Test
    void theCalibrationTableAndTheThresholdSuggestionAreTheGeneratorsOwn() {
        List<Generated> leads = history();
        SimulationReport report = simulate(withThreshold(40), withThreshold(50), leads);
        var inPeriod = leads.stream().filter(l -> !l.created().isBefore(FROM)).toList();

        var bands = new TreeMap<Integer, long[]>();
        for (Generated lead : inPeriod) {
            long[] band = bands.computeIfAbsent(lead.peak() / 10 * 10, b -> new long[3]);
            band[0]++;
            band[1] += lead.sql() ? 1 : 0;
            band[2] += lead.won() ? 1 : 0;
        }
        assertThat(report.calibration())
                .extracting(b -> List.of((long) b.from(), b.leads(), b.sql(), b.won()))
                .containsExactlyElementsOf(bands.entrySet().stream()
                        .map(e -> List.of((long) e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                        .toList());

        // the lowest score some lead reached at which the leads at or above it reached SQL at 25% or more
        Optional<Integer> lowest = inPeriod.stream()
                .map(Generated::peak)
                .distinct()
                .sorted()
                .filter(t -> {
                    var above = inPeriod.stream().filter(l -> l.peak() >= t).toList();
                    return above.stream().filter(Generated::sql).count() * 4 >= above.size();
                })
                .findFirst();
        assertThat(lowest).isPresent();
        assertThat(report.sqlTarget()).contains(0.25);
        assertThat(report.suggestedThreshold()).isEqualTo(lowest);
        assertThat(report.summary()).contains("meets its 25% target is " + lowest.get());
    }

    @Test
    void theDraftsRoutingSharesItsMqlsInTurnAndNamesTheRepsOverCapacity() {
        List<Generated> leads = history();
        SimulationReport report = simulate(withThreshold(40), withThreshold(50), leads);

        var qualified = leads.stream()
                .filter(l -> l.qualifiesInPeriod(40))
                .sorted(Comparator.comparing((Generated l) -> l.qualifiedAt(40).orElseThrow())
                        .thenComparing(Generated::id))
                .toList();
        Map<String, TreeMap<LocalDate, Long>> perRep =
                Map.of("a@x.example", new TreeMap<>(), "b@x.example", new TreeMap<>());
        for (int n = 0; n < qualified.size(); n++) {
            perRep.get(n % 2 == 0 ? "a@x.example" : "b@x.example")
                    .merge(weekOf(qualified.get(n).qualifiedAt(40).orElseThrow()), 1L, Long::sum);
        }
        assertThat(report.load())
                .extracting(SimulationReport.RepLoad::rep)
                .containsExactly("a@x.example", "b@x.example");
        for (SimulationReport.RepLoad load : report.load()) {
            TreeMap<LocalDate, Long> expected = perRep.get(load.rep());
            assertThat(load.mqls())
                    .isEqualTo(expected.values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
            assertThat(load.capacity()).contains(3);
            assertThat(load.weeksOverCapacity())
                    .isNotEmpty()
                    .containsExactlyElementsOf(expected.entrySet().stream()
                            .filter(e -> e.getValue() > 3)
                            .map(Map.Entry::getKey)
                            .toList());
            assertThat(load.perWeek())
                    .containsExactlyElementsOf(report.weeks().stream()
                            .map(w -> expected.getOrDefault(w.start(), 0L))
                            .toList());
        }
        assertThat(report.unroutable()).isZero();
        assertThat(report.summary()).contains("over capacity in at least one week: a@x.example, b@x.example");
    }

    @Test
    void aDraftThatDecidesAsTheActiveVersionChangesNothing() {
        List<Generated> leads = history();
        SimulationReport report = simulate(withThreshold(50), withThreshold(50), leads);

        assertThat(report.newlyQualified().leads()).isZero();
        assertThat(report.noLongerQualified().leads()).isZero();
        assertThat(report.draftMqls()).isEqualTo(report.activeMqls()).isPositive();
        assertThat(report.weeks()).allSatisfy(w -> assertThat(w.draft()).isEqualTo(w.active()));
        assertThat(report.summary())
                .startsWith(report.draftMqls() + " MQLs under the draft against " + report.activeMqls()
                        + " under version 1 (+0%)");
    }

    @Test
    void aHigherThresholdLosesTheLeadsBelowItWithTheirDeals() {
        List<Generated> leads = history();
        SimulationReport report = simulate(withThreshold(60), withThreshold(50), leads);

        var lost = leads.stream()
                .filter(l -> l.qualifiesInPeriod(50) && !l.qualifiesInPeriod(60))
                .toList();
        assertThat(report.noLongerQualified().leads()).isEqualTo(lost.size()).isPositive();
        assertThat(report.noLongerQualified().sql())
                .isEqualTo(lost.stream().filter(Generated::sql).count());
        assertThat(report.noLongerQualified().won())
                .isEqualTo(lost.stream().filter(Generated::won).count());
        assertThat(report.newlyQualified().leads()).isZero();
        assertThat(report.summary()).contains(lost.size() + " would no longer qualify");
    }

    private static Map<String, BigDecimal> wonRevenue(List<Generated> leads) {
        long won = leads.stream().filter(Generated::won).count();
        return won == 0 ? Map.of() : Map.of("EUR", new BigDecimal("1000").multiply(BigDecimal.valueOf(won)));
    }
}
