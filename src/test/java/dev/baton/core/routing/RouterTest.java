package dev.baton.core.routing;

import static dev.baton.testing.Fixtures.NOW;
import static dev.baton.testing.Fixtures.aLead;
import static dev.baton.testing.Fixtures.agreementWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.lead.Facts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Router ROUTER = new Router(agreementWith("""
                    fit:
                      - {name: titled, field: lead.title, present: true, points: 1}
                    intent:
                      - {name: visit, event: page_view, points: 1}
                    mql: {threshold: 1}
                    teams:
                      - name: enterprise
                        manager: boss@acme.example
                        reps: [{email: erin@acme.example}]
                      - name: fintech
                        manager: boss@acme.example
                        reps: [{email: finn@acme.example}]
                      - name: na
                        manager: boss@acme.example
                        reps: [{email: alex@acme.example}, {email: priya@acme.example}]
                      - name: eu
                        manager: boss@acme.example
                        reps: [{email: lukas@acme.example}]
                    routing:
                      account-owner-first: true
                      rules:
                        - name: strategic
                          when: [{field: company.domain, in: [bigco.example]}]
                          rep: erin@acme.example
                        - name: large
                          when: [{field: company.employees, min: 1000}]
                          team: enterprise
                        - name: fintech-vertical
                          when: [{field: company.industry, matches: 'fin(ance|tech)'}]
                          team: fintech
                        - name: north-america
                          when: [{field: company.country, in: [US, CA]}, {field: lead.title, present: true}]
                          team: na
                        - name: europe
                          when: [{field: company.country, in: [DE, FR]}]
                          team: eu
                      fallback: {queue: triage, owner: ops@acme.example}
                    """).routing());

    private static Seat seat(String rep) {
        return new Seat(rep, 1, OptionalInt.empty(), 0, true, List.of(), 0);
    }

    private static Map<String, Rotation> rotations() {
        var map = new HashMap<String, Rotation>();
        map.put("enterprise", new Rotation("enterprise", 0, List.of(seat("erin@acme.example"))));
        map.put("fintech", new Rotation("fintech", 0, List.of(seat("finn@acme.example"))));
        map.put("na", new Rotation("na", 0, List.of(seat("alex@acme.example"), seat("priya@acme.example"))));
        map.put("eu", new Rotation("eu", 0, List.of(seat("lukas@acme.example"))));
        return map;
    }

    private static RoutingDecision route(Facts facts) {
        return ROUTER.route(facts, Optional.empty(), Roster.of(rotations()), NOW)
                .decision();
    }

    private static String repOf(RoutingDecision decision) {
        assertThat(decision).isInstanceOf(RoutingDecision.Assigned.class);
        return ((RoutingDecision.Assigned) decision).rep();
    }

    @Test
    void territoryRuleSendsTheLeadToItsTeamAndSaysWhichValuesMatched() {
        RoutingDecision decision = route(aLead().with("company.country", "DE").build());

        assertThat(repOf(decision)).isEqualTo("lukas@acme.example");
        assertThat(decision.rule()).isEqualTo("europe");
        assertThat(decision.why()).startsWith("rule europe matched: company.country = DE");
    }

    @Test
    void sizeBandRuleMatchesOnARange() {
        assertThat(repOf(route(aLead().with("company.employees", "5000")
                        .with("company.country", "US")
                        .build())))
                .isEqualTo("erin@acme.example");
    }

    @Test
    void verticalRuleMatchesOnAPattern() {
        assertThat(repOf(route(aLead().with("company.industry", "FinTech").build())))
                .isEqualTo("finn@acme.example");
    }

    @Test
    void rulesAreTriedInOrderAndTheFirstMatchWins() {
        RoutingDecision decision = route(aLead().with("company.domain", "bigco.example")
                .with("company.employees", "9000")
                .build());

        assertThat(decision.rule()).isEqualTo("strategic");
        assertThat(repOf(decision)).isEqualTo("erin@acme.example");
    }

    @Test
    void aRuleMatchesOnlyWhenAllItsConditionsHold() {
        RoutingDecision decision = route(aLead().with("company.country", "US").build());

        assertThat(decision).isInstanceOf(RoutingDecision.Unroutable.class);
        assertThat(decision.rule()).isEqualTo("no-rule");
    }

    @Test
    void aRuleWithTwoConditionsThatBothHoldRoutesAndNamesBoth() {
        RoutingDecision decision = route(aLead().with("company.country", "CA")
                .withTitle("Head of Growth")
                .build());

        assertThat(decision.rule()).isEqualTo("north-america");
        assertThat(repOf(decision)).isEqualTo("alex@acme.example");
        assertThat(decision.why())
                .startsWith("rule north-america matched: company.country = CA, lead.title = Head of Growth");
    }

    @Test
    void noMatchingRuleSendsTheLeadToTheFallbackQueueWithItsOwner() {
        RoutingDecision decision = route(aLead().with("company.country", "JP").build());

        assertThat(decision)
                .isEqualTo(new RoutingDecision.Unroutable(
                        "triage",
                        Optional.of("ops@acme.example"),
                        "no-rule",
                        "no routing rule matched; waiting in queue triage (owner ops@acme.example)",
                        List.of()));
    }

    @Test
    void existingAccountOwnerComesFirst() {
        var owner = new Router.AccountOwner(
                "priya@acme.example", Optional.of("na"), "acme.example", "same domain acme.example");

        RoutingDecision decision = ROUTER.route(
                        aLead().with("company.country", "DE").build(), Optional.of(owner), Roster.of(rotations()), NOW)
                .decision();

        assertThat(repOf(decision)).isEqualTo("priya@acme.example");
        assertThat(decision.rule()).isEqualTo("account-owner");
        assertThat(decision.why()).contains("same domain acme.example");
    }

    @Test
    void anAccountOwnerWhoIsAwayIsSkippedWithTheReason() {
        var rotations = rotations();
        rotations.put(
                "na",
                new Rotation(
                        "na",
                        0,
                        List.of(
                                seat("alex@acme.example"),
                                new Seat("priya@acme.example", 1, OptionalInt.empty(), 0, false, List.of(), 0))));
        var owner = new Router.AccountOwner("priya@acme.example", Optional.of("na"), "acme.example", "domain");

        RoutingDecision decision = ROUTER.route(
                        aLead().with("company.country", "DE").build(), Optional.of(owner), Roster.of(rotations), NOW)
                .decision();

        assertThat(repOf(decision)).isEqualTo("lukas@acme.example");
        assertThat(decision.skipped()).containsExactly("account owner priya@acme.example skipped: inactive");
    }

    @Test
    void anAccountOwnerWithoutASeatIsSkippedLikeOneWhoIsAway() {
        var rotations = rotations();
        rotations.put("na", new Rotation("na", 0, List.of(seat("alex@acme.example"))));
        var owner = new Router.AccountOwner("priya@acme.example", Optional.of("na"), "acme.example", "domain");

        RoutingDecision decision = ROUTER.route(
                        aLead().with("company.country", "DE").build(), Optional.of(owner), Roster.of(rotations), NOW)
                .decision();

        assertThat(repOf(decision)).isEqualTo("lukas@acme.example");
        assertThat(decision.skipped())
                .containsExactly("account owner priya@acme.example skipped: has no seat in any team");
    }

    @Test
    void aRuleNamingARepWithoutASeatSendsTheLeadToTheFallback() {
        var rotations = rotations();
        rotations.remove("enterprise");

        RoutingDecision decision = ROUTER.route(
                        aLead().with("company.domain", "bigco.example").build(),
                        Optional.empty(),
                        Roster.of(rotations),
                        NOW)
                .decision();

        assertThat(decision).isInstanceOf(RoutingDecision.Unroutable.class);
        assertThat(decision.skipped()).containsExactly("erin@acme.example skipped: has no seat in any team");
    }

    @Test
    void roundRobinAlternatesAndTiesGoToTheFirstSeat() {
        Rotation na = rotations().get("na");
        var picked = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            Rotation.Pick pick = na.pick(NOW);
            picked.add(pick.chosen().orElseThrow().rep());
            na = pick.next();
        }

        assertThat(picked)
                .containsExactly("alex@acme.example", "priya@acme.example", "alex@acme.example", "priya@acme.example");
    }

    @Test
    void twoToOneWeightsGiveTwoToOneOverThreeHundredAssignments() {
        Rotation team = new Rotation(
                "na",
                0,
                List.of(
                        new Seat("heavy@acme.example", 2, OptionalInt.empty(), 0, true, List.of(), 0),
                        new Seat("light@acme.example", 1, OptionalInt.empty(), 0, true, List.of(), 0)));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Rotation.Pick pick = team.pick(NOW);
            counts.merge(pick.chosen().orElseThrow().rep(), 1, Integer::sum);
            team = pick.next();
        }

        assertThat(counts.get("heavy@acme.example")).isBetween(199, 201);
        assertThat(counts.get("light@acme.example")).isBetween(99, 101);
    }

    @Test
    void repsAtCapacityOutOfOfficeOrInactiveAreSkippedWithTheReason() {
        Rotation team = new Rotation(
                "na",
                0,
                List.of(
                        new Seat("full@acme.example", 1, OptionalInt.of(2), 2, true, List.of(), 0),
                        new Seat(
                                "away@acme.example",
                                1,
                                OptionalInt.empty(),
                                0,
                                true,
                                List.of(new Seat.Absence(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)))),
                                0),
                        new Seat("gone@acme.example", 1, OptionalInt.empty(), 0, false, List.of(), 0),
                        new Seat("free@acme.example", 1, OptionalInt.of(2), 1, true, List.of(), 500)));

        Rotation.Pick pick = team.pick(NOW);

        assertThat(pick.chosen().orElseThrow().rep()).isEqualTo("free@acme.example");
        assertThat(pick.skipped())
                .containsExactly(
                        "full@acme.example skipped: at capacity 2/2",
                        "away@acme.example skipped: out of office until " + NOW.plus(Duration.ofDays(2)),
                        "gone@acme.example skipped: inactive");
    }

    @Test
    void anAbsenceThatEndedNoLongerCounts() {
        Seat back = new Seat(
                "back@acme.example",
                1,
                OptionalInt.empty(),
                0,
                true,
                List.of(new Seat.Absence(NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(1)))),
                0);

        assertThat(back.unavailable(NOW)).isEmpty();
    }

    @Test
    void whenNobodyInTheTeamIsAvailableTheLeadWaitsInTheFallbackQueue() {
        var rotations = rotations();
        rotations.put(
                "eu",
                new Rotation(
                        "eu", 0, List.of(new Seat("lukas@acme.example", 1, OptionalInt.of(1), 1, true, List.of(), 0))));

        RoutingDecision decision = ROUTER.route(
                        aLead().with("company.country", "FR").build(), Optional.empty(), Roster.of(rotations), NOW)
                .decision();

        assertThat(decision).isInstanceOf(RoutingDecision.Unroutable.class);
        assertThat(decision.why()).contains("nobody in team eu can take it");
        assertThat(decision.skipped()).containsExactly("lukas@acme.example skipped: at capacity 1/1");
    }

    @Test
    void aRepBackFromLeaveRejoinsAtTheCurrentPositionWithoutABurst() {
        Seat.Absence leave = new Seat.Absence(NOW, NOW.plus(Duration.ofDays(10)));
        Rotation team = new Rotation(
                "na",
                0,
                List.of(
                        seat("a@acme.example"),
                        new Seat("b@acme.example", 1, OptionalInt.empty(), 0, true, List.of(leave), 0),
                        seat("c@acme.example")));
        for (int i = 0; i < 30; i++) {
            team = team.pick(NOW.plus(Duration.ofHours(i))).next();
        }
        var afterReturn = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            Rotation.Pick pick = team.pick(NOW.plus(Duration.ofDays(11)));
            afterReturn.add(pick.chosen().orElseThrow().rep());
            team = pick.next();
        }

        assertThat(afterReturn.stream().filter("b@acme.example"::equals)).hasSize(2);
        assertThat(afterReturn.subList(0, 3))
                .containsExactlyInAnyOrder("a@acme.example", "b@acme.example", "c@acme.example");
    }

    @Test
    void aNewRepJoinsAtTheCurrentPositionAndARemovedOneLeavesTheOthersInOrder() {
        Rotation team = rotations().get("na");
        for (int i = 0; i < 10; i++) {
            team = team.pick(NOW).next();
        }
        var seats = new ArrayList<>(team.seats());
        seats.add(seat("new@acme.example"));
        team = new Rotation("na", team.pass(), seats);
        var picked = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            Rotation.Pick pick = team.pick(NOW);
            picked.add(pick.chosen().orElseThrow().rep());
            team = pick.next();
        }
        var withoutAlex = new Rotation(
                "na",
                team.pass(),
                team.seats().stream()
                        .filter(s -> !s.rep().equals("alex@acme.example"))
                        .toList());
        var afterRemoval = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            Rotation.Pick pick = withoutAlex.pick(NOW);
            afterRemoval.add(pick.chosen().orElseThrow().rep());
            withoutAlex = pick.next();
        }

        assertThat(picked.stream().filter("new@acme.example"::equals)).hasSize(2);
        assertThat(afterRemoval.stream().filter("new@acme.example"::equals)).hasSize(2);
        assertThat(afterRemoval.stream().filter("priya@acme.example"::equals)).hasSize(2);
    }

    @Test
    void withoutRoutingInTheAgreementEveryLeadIsUnrouted() {
        RoutingDecision decision = new Router(Optional.empty())
                .route(aLead().build(), Optional.empty(), Roster.of(Map.of()), NOW)
                .decision();

        assertThat(decision).isInstanceOf(RoutingDecision.Unroutable.class);
        assertThat(((RoutingDecision.Unroutable) decision).owner()).isEmpty();
    }
}
