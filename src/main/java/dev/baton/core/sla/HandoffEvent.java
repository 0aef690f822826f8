package dev.baton.core.sla;

import dev.baton.core.lifecycle.StageChange;
import java.time.Instant;

/** What happens to a lead that its clocks react to: a change of stage, of owner, or a touch. */
public sealed interface HandoffEvent {

    Instant at();

    /** The lead moved through the lifecycle. */
    record StageMoved(StageChange change) implements HandoffEvent {
        @Override
        public Instant at() {
            return change.at();
        }
    }

    /** The lead was given to a rep, by routing or by reassignment. */
    record Assigned(Instant at, String rep) implements HandoffEvent {}

    /** The lead went to a queue, where nobody owns it yet. */
    record Queued(Instant at, String queue) implements HandoffEvent {}

    /**
     * Someone logged a touch: every logged activity is a touch; calls, emails and social messages are also contact
     * attempts; a meeting, or an attempt whose outcome is {@code connected}, is an answer from the lead.
     */
    record Touched(Instant at, String by, boolean attempt, boolean answered) implements HandoffEvent {}
}
