package dev.baton.core.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.agreement.SlaTimers;
import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.Span;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.testing.Calendars;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The service levels by time travel: events at chosen instants, timers run at chosen instants, and every deadline
 * written as the UTC instant a New York (or London) office clock shows, worked out by hand.
 */
class SlaPolicyTest {

    private static final String ALEX = "alex@acme.example";
    private static final String SOFIA = "sofia@acme.example";
    private static final BusinessCalendar NEW_YORK = Calendars.weekdays("America/New_York", "09:00-17:00");
    private static final BusinessCalendar LONDON = NEW_YORK.inZone(ZoneId.of("Europe/London"));
    private static final SlaTimers SLA = new SlaTimers(
            span("2 business hours"),
            span("4 business hours"),
            span("1 business day"),
            span("2 business hours"),
            Optional.of(new SlaTimers.Attempts(
                    3, Span.parse("10 business days").orElseThrow(), Optional.of("NO_RESPONSE"))),
            span("2 business days"),
            span("1 business hour"),
            Optional.of("manager"),
            span("2 business hours"));
    private static final SlaPolicy POLICY =
            new SlaPolicy(SLA, rep -> rep.filter(SOFIA::equals).map(r -> LONDON).orElse(NEW_YORK));

    /** Friday 9 October 2026, 16:30 in New York. */
    private static final Instant FRIDAY_1630 = Instant.parse("2026-10-09T20:30:00Z");

    @Test
    void aLeadAssignedFridayAtHalfPastFourMustBeAcceptedByMondayHalfPastTwelve() {
        LeadClocks clocks = assignedFriday(false).clocks();

        Clock accept = clocks.latest(ClockKind.ACCEPT).orElseThrow();
        Clock firstTouch = clocks.latest(ClockKind.FIRST_TOUCH).orElseThrow();
        assertThat(accept.deadline()).isEqualTo("2026-10-12T16:30:00Z"); // Monday 12:30: half an hour, then 3.5
        assertThat(accept.remindAt()).contains(Instant.parse("2026-10-12T15:30:00Z")); // Monday 11:30
        assertThat(firstTouch.deadline()).isEqualTo("2026-10-12T20:30:00Z"); // Monday 16:30
        assertThat(clocks.latest(ClockKind.ATTEMPTS).orElseThrow().deadline())
                .isEqualTo("2026-10-23T20:30:00Z"); // ten business days: Friday 23rd, 16:30
        assertThat(clocks.latest(ClockKind.ROUTE).orElseThrow().state()).isEqualTo(ClockState.MET);
        assertThat(accept.rep()).contains(ALEX);
        assertThat(accept.left(NEW_YORK, FRIDAY_1630)).isEqualTo(Duration.ofHours(4));
        assertThat(accept.left(NEW_YORK, Instant.parse("2026-10-10T12:00:00Z"))).isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void aPriorityLeadGetsThePriorityFirstTouchDeadline() {
        Clock firstTouch =
                assignedFriday(true).clocks().latest(ClockKind.FIRST_TOUCH).orElseThrow();

        assertThat(firstTouch.span()).isEqualTo(Span.parse("2 business hours").orElseThrow());
        assertThat(firstTouch.deadline()).isEqualTo("2026-10-12T14:30:00Z"); // Monday 10:30
    }

    @Test
    void theTimerRemindsBeforeTheDeadlineAndRecordsTheBreachAtTheDeadlineNotWhenItRuns() {
        LeadClocks clocks = assignedFriday(false).clocks();

        // the timer runs late, at Monday 15:00: the reminder and the breach of the accept clock are both due
        SlaPolicy.Reaction late = POLICY.due(clocks, Instant.parse("2026-10-12T19:00:00Z"));

        assertThat(late.events())
                .extracting(e ->
                        e.getClass().getSimpleName() + " " + e.clock().kind().word() + " " + e.at())
                .containsExactly(
                        "ReminderDue accept 2026-10-12T15:30:00Z",
                        "ClockBreached accept 2026-10-12T16:30:00Z",
                        "ReassignmentDue accept 2026-10-12T18:30:00Z");
        Clock accept = late.clocks().latest(ClockKind.ACCEPT).orElseThrow();
        assertThat(accept.state()).isEqualTo(ClockState.BREACHED);
        assertThat(accept.breachedAt()).contains(Instant.parse("2026-10-12T16:30:00Z"));
        assertThat(accept.reassignAt()).contains(Instant.parse("2026-10-12T18:30:00Z")); // two business hours later
        assertThat(POLICY.due(late.clocks(), Instant.parse("2026-10-12T19:00:00Z"))
                        .events())
                .isEmpty();
    }

    @Test
    void aBreachThatLastsReassignAfterAsksForTheLeadToBeRoutedAgain() {
        LeadClocks clocks = assignedFriday(false).clocks();
        LeadClocks breached =
                POLICY.due(clocks, Instant.parse("2026-10-12T17:00:00Z")).clocks();

        SlaPolicy.Reaction due = POLICY.due(breached, Instant.parse("2026-10-12T18:30:00Z"));

        assertThat(due.events()).hasSize(1).first().isInstanceOf(ClockEvent.ReassignmentDue.class);
        assertThat(due.events().get(0).at()).isEqualTo("2026-10-12T18:30:00Z");
        assertThat(POLICY.due(due.clocks(), Instant.parse("2026-10-12T18:31:00Z"))
                        .events())
                .noneMatch(e -> e instanceof ClockEvent.ReassignmentDue);
    }

    @Test
    void aReassignmentStopsTheOldRepsClocksAndStartsFreshOnesOnTheNewRepsCalendar() {
        LeadClocks clocks = assignedFriday(false).clocks();
        Instant mondayNoon = Instant.parse("2026-10-12T16:00:00Z"); // 12:00 New York, 17:00 London

        SlaPolicy.Reaction reassigned = POLICY.react(clocks, new HandoffEvent.Assigned(mondayNoon, SOFIA));

        assertThat(reassigned.events())
                .filteredOn(e -> e instanceof ClockEvent.ClockStopped)
                .extracting(e -> e.clock().kind())
                .containsExactlyInAnyOrder(ClockKind.ACCEPT, ClockKind.FIRST_TOUCH, ClockKind.ATTEMPTS);
        Clock accept = reassigned.clocks().latest(ClockKind.ACCEPT).orElseThrow();
        assertThat(accept.rep()).contains(SOFIA);
        assertThat(accept.startedAt()).isEqualTo(mondayNoon);
        // London is closed at 17:00: four business hours are Tuesday 09:00-13:00 London time
        assertThat(accept.deadline()).isEqualTo("2026-10-13T12:00:00Z");
        assertThat(reassigned.clocks().owner()).contains(SOFIA);
    }

    @Test
    void aLeadReassignedAfterItWasAcceptedGetsTheNewRepsTouchClocksButNoAcceptClock() {
        LeadClocks clocks = assignedFriday(false).clocks();
        Instant mondayTen = Instant.parse("2026-10-12T14:00:00Z");
        clocks = POLICY.react(clocks, moved(new StageChange.LeadAccepted(Stage.MQL, mondayTen, ALEX)))
                .clocks();
        Instant mondayNoon = Instant.parse("2026-10-12T16:00:00Z");

        SlaPolicy.Reaction reassigned = POLICY.react(clocks, new HandoffEvent.Assigned(mondayNoon, SOFIA));

        assertThat(reassigned.clocks().clocks())
                .filteredOn(c -> c.kind() == ClockKind.ACCEPT)
                .as("the one accept clock, met by Alex: the lead is accepted and cannot be accepted again")
                .singleElement()
                .satisfies(accept -> {
                    assertThat(accept.rep()).contains(ALEX);
                    assertThat(accept.state()).isEqualTo(ClockState.MET);
                });
        assertThat(reassigned
                        .clocks()
                        .latest(ClockKind.FIRST_TOUCH)
                        .orElseThrow()
                        .rep())
                .contains(SOFIA);
        assertThat(POLICY.due(reassigned.clocks(), Instant.parse("2026-10-20T16:00:00Z"))
                        .events())
                .noneMatch(e -> e.clock().kind() == ClockKind.ACCEPT);
    }

    @Test
    void threeUnansweredAttemptsOverTenBusinessDaysMakeTheLeadUnresponsive() {
        LeadClocks clocks = assignedFriday(false).clocks();
        clocks = POLICY.react(clocks, call(Instant.parse("2026-10-12T14:00:00Z"), false))
                .clocks();
        clocks = POLICY.react(clocks, call(Instant.parse("2026-10-15T14:00:00Z"), false))
                .clocks();
        SlaPolicy.Reaction third = POLICY.react(clocks, call(Instant.parse("2026-10-21T14:00:00Z"), false));

        assertThat(third.events())
                .anyMatch(e -> e instanceof ClockEvent.ClockMet && e.clock().kind() == ClockKind.ATTEMPTS);
        assertThat(POLICY.due(third.clocks(), Instant.parse("2026-10-23T20:00:00Z"))
                        .events())
                .noneMatch(e -> e instanceof ClockEvent.LeadUnresponsive);

        SlaPolicy.Reaction end = POLICY.due(third.clocks(), Instant.parse("2026-10-26T13:00:00Z"));

        assertThat(end.events())
                .filteredOn(e -> e instanceof ClockEvent.LeadUnresponsive)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.at()).isEqualTo("2026-10-23T20:30:00Z");
                    assertThat(((ClockEvent.LeadUnresponsive) e).reasonCode()).contains("NO_RESPONSE");
                });
    }

    @Test
    void aLeadThatAnswersIsNotUnresponsive() {
        LeadClocks clocks = assignedFriday(false).clocks();
        clocks = POLICY.react(clocks, call(Instant.parse("2026-10-12T14:00:00Z"), true))
                .clocks();

        assertThat(clocks.latest(ClockKind.ATTEMPTS).orElseThrow().state()).isEqualTo(ClockState.MET);
        assertThat(POLICY.due(clocks, Instant.parse("2026-11-30T00:00:00Z")).events())
                .noneMatch(e -> e instanceof ClockEvent.LeadUnresponsive);
    }

    @Test
    void fewerAttemptsThanRequiredBreachTheAttemptsClock() {
        LeadClocks clocks = assignedFriday(false).clocks();
        clocks = POLICY.react(clocks, call(Instant.parse("2026-10-12T14:00:00Z"), false))
                .clocks();

        SlaPolicy.Reaction end = POLICY.due(clocks, Instant.parse("2026-10-26T13:00:00Z"));

        assertThat(end.events())
                .anyMatch(
                        e -> e instanceof ClockEvent.ClockBreached && e.clock().kind() == ClockKind.ATTEMPTS)
                .noneMatch(e -> e instanceof ClockEvent.LeadUnresponsive);
        assertThat(end.clocks()
                        .latest(ClockKind.ATTEMPTS)
                        .orElseThrow()
                        .progress()
                        .attempts())
                .isEqualTo(1);
    }

    @Test
    void theFirstTouchMeetsItsClockAndStartsTheDispositionClockWhichSqlMeets() {
        LeadClocks clocks = assignedFriday(false).clocks();
        Instant mondayTen = Instant.parse("2026-10-12T14:00:00Z");

        SlaPolicy.Reaction touched = POLICY.react(clocks, call(mondayTen, false));

        assertThat(touched.clocks().latest(ClockKind.FIRST_TOUCH).orElseThrow().metAt())
                .contains(mondayTen);
        Clock disposition = touched.clocks().latest(ClockKind.DISPOSITION).orElseThrow();
        assertThat(disposition.deadline()).isEqualTo("2026-10-14T14:00:00Z"); // two business days: Wednesday 10:00

        LeadClocks accepted = POLICY.react(
                        touched.clocks(), moved(new StageChange.LeadAccepted(Stage.MQL, mondayTen, ALEX)))
                .clocks();
        SlaPolicy.Reaction sql = POLICY.react(
                accepted,
                moved(new StageChange.LeadSalesQualified(
                        Stage.ACCEPTED, Instant.parse("2026-10-13T14:00:00Z"), ALEX, Map.of())));

        assertThat(sql.clocks().latest(ClockKind.DISPOSITION).orElseThrow().state())
                .isEqualTo(ClockState.MET);
        assertThat(sql.clocks().latest(ClockKind.ACCEPT).orElseThrow().state()).isEqualTo(ClockState.MET);
        assertThat(sql.clocks().running()).isEmpty();
        assertThat(sql.clocks().nextDue()).isEmpty();
    }

    @Test
    void aRejectionMeetsTheAcceptClockAndStopsTheRest() {
        LeadClocks clocks = assignedFriday(false).clocks();
        Instant monday = Instant.parse("2026-10-12T14:00:00Z");

        SlaPolicy.Reaction rejected = POLICY.react(
                clocks, moved(new StageChange.LeadRejected(Stage.MQL, monday, ALEX, "NOT_ICP", Optional.empty())));

        assertThat(rejected.clocks().latest(ClockKind.ACCEPT).orElseThrow().state())
                .isEqualTo(ClockState.MET);
        assertThat(rejected.clocks().latest(ClockKind.FIRST_TOUCH).orElseThrow().state())
                .isEqualTo(ClockState.STOPPED);
        assertThat(rejected.clocks().nextDue()).isEmpty();
    }

    @Test
    void aLateTouchIsMetLateAndTheBreachStaysOnRecord() {
        LeadClocks clocks = POLICY.due(assignedFriday(false).clocks(), Instant.parse("2026-10-13T13:00:00Z"))
                .clocks();
        Instant tuesday = Instant.parse("2026-10-13T14:00:00Z");

        SlaPolicy.Reaction late = POLICY.react(clocks, call(tuesday, false));

        Clock firstTouch = late.clocks().latest(ClockKind.FIRST_TOUCH).orElseThrow();
        assertThat(firstTouch.state()).isEqualTo(ClockState.BREACHED);
        assertThat(firstTouch.metAt()).contains(tuesday);
        assertThat(late.events()).anyMatch(e -> e instanceof ClockEvent.ClockMetLate);
        assertThat(late.clocks().nextDue().orElseThrow()).isAfter(tuesday);
    }

    @Test
    void aTouchAfterTheDeadlineIsLateEvenWhenNoTimerRecordedTheBreach() {
        LeadClocks clocks = assignedFriday(false).clocks();
        Instant tuesday = Instant.parse("2026-10-13T14:00:00Z");

        SlaPolicy.Reaction late = POLICY.react(clocks, call(tuesday, false));

        Clock firstTouch = late.clocks().latest(ClockKind.FIRST_TOUCH).orElseThrow();
        assertThat(firstTouch.state()).isEqualTo(ClockState.BREACHED);
        assertThat(firstTouch.breachedAt()).contains(firstTouch.deadline());
        assertThat(firstTouch.metAt()).contains(tuesday);
        assertThat(late.events()).anyMatch(e -> e instanceof ClockEvent.ClockMetLate);
        assertThat(late.events())
                .noneMatch(e -> e instanceof ClockEvent.ClockMet && e.clock().kind() == ClockKind.FIRST_TOUCH);
    }

    @Test
    void aLeadQueuedWithoutARepKeepsItsRouteClockRunning() {
        LeadClocks clocks = POLICY.react(LeadClocks.none(), moved(qualified(FRIDAY_1630, 1)))
                .clocks();
        clocks = POLICY.react(clocks, new HandoffEvent.Queued(FRIDAY_1630, "triage"))
                .clocks();

        Clock route = clocks.latest(ClockKind.ROUTE).orElseThrow();
        assertThat(route.state()).isEqualTo(ClockState.RUNNING);
        assertThat(route.deadline()).isEqualTo("2026-10-12T14:30:00Z"); // Monday 10:30
        assertThat(clocks.latest(ClockKind.ACCEPT)).isEmpty();
    }

    @Test
    void aRecycledLeadThatQualifiesAgainStartsAFreshCycle() {
        LeadClocks clocks = assignedFriday(false).clocks();
        Instant monday = Instant.parse("2026-10-12T14:00:00Z");
        clocks = POLICY.react(
                        clocks,
                        moved(new StageChange.LeadRecycled(
                                Stage.MQL, monday, ALEX, Optional.of("BAD_TIMING"), Optional.empty())))
                .clocks();
        Instant later = Instant.parse("2026-12-01T15:00:00Z");

        LeadClocks again = POLICY.react(clocks, moved(qualified(later, 2))).clocks();

        assertThat(again.cycle()).isEqualTo(2);
        assertThat(again.running()).singleElement().satisfies(route -> {
            assertThat(route.kind()).isEqualTo(ClockKind.ROUTE);
            assertThat(route.cycle()).isEqualTo(2);
            assertThat(route.startedAt()).isEqualTo(later);
        });
        assertThat(again.clocks()).filteredOn(c -> c.cycle() == 1).allMatch(c -> !c.isRunning());
    }

    private static SlaPolicy.Reaction assignedFriday(boolean priority) {
        LeadClocks qualified = POLICY.react(LeadClocks.none(), moved(qualified(FRIDAY_1630, 1, priority)))
                .clocks();
        return POLICY.react(qualified, new HandoffEvent.Assigned(FRIDAY_1630, ALEX));
    }

    private static StageChange.LeadQualified qualified(Instant at, int cycle) {
        return qualified(at, cycle, false);
    }

    private static StageChange.LeadQualified qualified(Instant at, int cycle, boolean priority) {
        return new StageChange.LeadQualified(
                Stage.LEAD,
                at,
                "scoring",
                cycle,
                1,
                70,
                40,
                "score 70 of 60",
                priority ? List.of("hot-score") : List.of());
    }

    private static HandoffEvent.StageMoved moved(StageChange change) {
        return new HandoffEvent.StageMoved(change);
    }

    private static HandoffEvent.Touched call(Instant at, boolean answered) {
        return new HandoffEvent.Touched(at, ALEX, true, answered);
    }

    private static Optional<Span> span(String text) {
        return Span.parse(text);
    }
}
