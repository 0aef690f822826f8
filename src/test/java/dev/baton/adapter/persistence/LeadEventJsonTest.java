package dev.baton.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.calendar.Span;
import dev.baton.core.lead.Activity;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.sla.Clock;
import dev.baton.core.sla.ClockEvent;
import dev.baton.core.sla.ClockKind;
import dev.baton.core.sla.ClockState;
import dev.baton.core.timeline.LeadEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every member of the lead's event family has its timeline form, written in one place. */
class LeadEventJsonTest {

    private static final Instant AT = Instant.parse("2026-03-06T21:30:00Z");
    private static final RoutingDecision.Assigned TO_SAM =
            new RoutingDecision.Assigned("sam", Optional.of("na"), "round-robin", "next in turn", List.of());

    /** One of each kind of lead event. */
    private static List<LeadEvent> oneOfEach() {
        var changes = new LinkedHashMap<String, LeadEvent.FieldChange>();
        changes.put("title", new LeadEvent.FieldChange(Optional.of("Analyst"), "VP Sales"));
        changes.put("company.domain", new LeadEvent.FieldChange(Optional.empty(), "northwind.example"));
        Clock clock = new Clock(
                ClockKind.ACCEPT,
                1,
                Optional.of("sam"),
                Span.business(2, Span.Unit.HOURS),
                AT,
                AT.plus(Duration.ofHours(2)),
                Optional.empty(),
                ClockState.BREACHED,
                Optional.empty(),
                Optional.of(AT.plus(Duration.ofHours(2))),
                Optional.empty(),
                Optional.empty(),
                new Clock.Progress(false, false, 0, false, false));
        return List.of(
                new LeadEvent.LeadCreated("dana@northwind.example", AT, "api"),
                new LeadEvent.LeadFieldsChanged(changes, AT, "api"),
                new LeadEvent.VisitorIdentified("v-1", 3, AT, "api"),
                new LeadEvent.LeadScored(72, 40, 32, "score 72 ≥ 60", AT),
                new LeadEvent.StageMoved(new StageChange.LeadAccepted(Stage.MQL, AT, "sam")),
                new LeadEvent.LeadRouted(TO_SAM, AT),
                new LeadEvent.LeadQueued(
                        new RoutingDecision.Unroutable("sdr", Optional.empty(), "fallback", "nobody", List.of()), AT),
                new LeadEvent.LeadReassigned("sam missed the accept deadline", TO_SAM, AT, "sla"),
                new LeadEvent.ActivityLogged(
                        new Activity(Activity.Type.CALL, AT, "sam", Optional.of("voicemail"), Optional.empty())),
                new LeadEvent.ClockHappened(new ClockEvent.ClockBreached(clock, AT.plus(Duration.ofHours(2)))),
                new LeadEvent.RepAwayWhenClocksStarted("sam", "sam is out of office", AT));
    }

    @Test
    void everyKindOfLeadEventHasATimelineForm() {
        Set<Class<?>> covered = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrder(LeadEvent.class.getPermittedSubclasses());
        oneOfEach().forEach(event -> assertThat(LeadEventJson.data(event)).isNotNull());
    }

    @Test
    void aFieldChangeShowsTheValueBeforeOnlyWhenThereWasOne() {
        Object data = LeadEventJson.data(oneOfEach().get(1));

        assertThat(data)
                .isEqualTo(Map.of(
                        "title", Map.of("from", "Analyst", "to", "VP Sales"),
                        "company.domain", Map.of("to", "northwind.example")));
    }

    @Test
    void aClockLineSaysWhichClockWhoseAndHowItStands() {
        Object data = LeadEventJson.data(oneOfEach().get(9));

        assertThat(data)
                .isEqualTo(Map.of(
                        "clock", "accept",
                        "rep", "sam",
                        "within", "2 business hours",
                        "startedAt", "2026-03-06T21:30:00Z",
                        "deadline", "2026-03-06T23:30:00Z",
                        "state", "breached"));
    }

    @Test
    void anActivityLineLeavesOutWhatWasNotSaid() {
        assertThat(LeadEventJson.data(oneOfEach().get(8)))
                .isEqualTo(Map.of("type", "call", "rep", "sam", "outcome", "voicemail"));
        assertThat(LeadEventJson.data(oneOfEach().get(7)))
                .isEqualTo(Map.of("reason", "sam missed the accept deadline", "decision", TO_SAM));
    }
}
