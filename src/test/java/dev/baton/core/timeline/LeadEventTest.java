package dev.baton.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.lead.Activity;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.sla.HandoffEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadEventTest {

    private static final Instant AT = Instant.parse("2026-03-06T21:30:00Z");

    @Test
    void aStageChangeIsNamedAfterTheChangeAndDoneByItsActor() {
        var moved = new LeadEvent.StageMoved(new StageChange.LeadAccepted(Stage.MQL, AT, "alex"));

        assertThat(moved.type()).isEqualTo("LeadAccepted");
        assertThat(moved.actor()).isEqualTo("alex");
        assertThat(moved.at()).isEqualTo(AT);
        assertThat(moved.forClocks()).contains(new HandoffEvent.StageMoved(moved.change()));
    }

    @Test
    void historyBroughtInFromAnotherSystemRunsNoClocks() {
        var recorded = new LeadEvent.StageMoved(new StageChange.StageRecorded(
                Stage.MQL,
                Stage.ACCEPTED,
                AT,
                "crm",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "import",
                Optional.empty(),
                Optional.empty()));

        assertThat(recorded.forClocks()).isEmpty();
    }

    @Test
    void routingAndReassignmentAreSeenByTheClocksAsAnOwnerOrAQueue() {
        var toRep = new RoutingDecision.Assigned("sam", Optional.of("na"), "round-robin", "next in turn", List.of());
        var toQueue =
                new RoutingDecision.Unroutable("sdr-queue", Optional.empty(), "fallback", "nobody free", List.of());

        assertThat(new LeadEvent.LeadRouted(toRep, AT).forClocks()).contains(new HandoffEvent.Assigned(AT, "sam"));
        assertThat(new LeadEvent.LeadQueued(toQueue, AT).forClocks())
                .contains(new HandoffEvent.Queued(AT, "sdr-queue"));
        assertThat(new LeadEvent.LeadReassigned("missed", toQueue, AT, "sla").forClocks())
                .contains(new HandoffEvent.Queued(AT, "sdr-queue"));
        assertThat(new LeadEvent.LeadReassigned("missed", toRep, AT, "sla").forClocks())
                .contains(new HandoffEvent.Assigned(AT, "sam"));
    }

    @Test
    void aMeetingIsAnAnswerAndACallIsAnAttemptThatCountsAsAnAnswerOnlyWhenItConnected() {
        assertThat(touch(Activity.Type.MEETING, Optional.empty()))
                .isEqualTo(new HandoffEvent.Touched(AT, "sam", false, true));
        assertThat(touch(Activity.Type.CALL, Optional.of("voicemail")))
                .isEqualTo(new HandoffEvent.Touched(AT, "sam", true, false));
        assertThat(touch(Activity.Type.CALL, Optional.of(" Connected ")))
                .isEqualTo(new HandoffEvent.Touched(AT, "sam", true, true));
        assertThat(touch(Activity.Type.EMAIL, Optional.empty()))
                .isEqualTo(new HandoffEvent.Touched(AT, "sam", true, false));
    }

    @Test
    void scoringAndTheClocksActUnderTheirOwnNames() {
        assertThat(new LeadEvent.LeadScored(70, 40, 30, "met", AT).actor()).isEqualTo("scoring");
        assertThat(new LeadEvent.RepAwayWhenClocksStarted("sam", "sam is out", AT).actor())
                .isEqualTo("sla");
        assertThat(new LeadEvent.LeadCreated("a@b.example", AT, "api").forClocks())
                .isEmpty();
    }

    private static HandoffEvent touch(Activity.Type type, Optional<String> outcome) {
        return new LeadEvent.ActivityLogged(new Activity(type, AT, "sam", outcome, Optional.empty()))
                .forClocks()
                .orElseThrow();
    }
}
