package dev.baton.core.timeline;

import dev.baton.core.lead.Activity;
import dev.baton.core.lifecycle.StageChange;
import dev.baton.core.routing.RoutingDecision;
import dev.baton.core.sla.ClockEvent;
import dev.baton.core.sla.HandoffEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that happens to a lead, in the past tense: the family of its history. Each event knows when it happened,
 * who or what did it, and the name the timeline shows; the service-level clocks read the handoff events among them
 * ({@link #forClocks()}), the outbox the handoffs and what the clocks found due. The store writes every member of the
 * family in one place.
 */
public sealed interface LeadEvent {

    Instant at();

    /** The person, or the part of Baton (scoring, routing, sla), that did it. */
    String actor();

    /** The past-tense name of the event on the timeline. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** What the lead's clocks see of this event, if anything. */
    default Optional<HandoffEvent> forClocks() {
        return Optional.empty();
    }

    /** Baton first heard of the lead. */
    record LeadCreated(String email, Instant at, String actor) implements LeadEvent {}

    /** Fields of the lead or its company were set or changed; each with the value before (if any) and after. */
    record LeadFieldsChanged(Map<String, FieldChange> changes, Instant at, String actor) implements LeadEvent {
        public LeadFieldsChanged {
            changes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
        }
    }

    /** One field's change. */
    record FieldChange(Optional<String> from, String to) {}

    /** An anonymous visitor's earlier engagement turned out to be this lead's. */
    record VisitorIdentified(String visitorId, int events, Instant at, String actor) implements LeadEvent {}

    /** Scoring gave the lead a new score. */
    record LeadScored(int score, int fit, int intent, String mql, Instant at) implements LeadEvent {
        @Override
        public String actor() {
            return "scoring";
        }
    }

    /** The lead moved through the lifecycle; the timeline names it after the change (LeadQualified, LeadRejected…). */
    record StageMoved(StageChange change) implements LeadEvent {
        @Override
        public Instant at() {
            return change.at();
        }

        @Override
        public String actor() {
            return change.actor();
        }

        @Override
        public String type() {
            return change.getClass().getSimpleName();
        }

        /** History brought in from another system runs no clocks. */
        @Override
        public Optional<HandoffEvent> forClocks() {
            return change instanceof StageChange.StageRecorded
                    ? Optional.empty()
                    : Optional.of(new HandoffEvent.StageMoved(change));
        }
    }

    /** Routing gave the MQL to a rep. */
    record LeadRouted(RoutingDecision.Assigned decision, Instant at) implements LeadEvent {
        @Override
        public String actor() {
            return "routing";
        }

        @Override
        public Optional<HandoffEvent> forClocks() {
            return Optional.of(new HandoffEvent.Assigned(at, decision.rep()));
        }
    }

    /** Nobody could take the MQL: it waits in a queue. */
    record LeadQueued(RoutingDecision.Unroutable decision, Instant at) implements LeadEvent {
        @Override
        public String actor() {
            return "routing";
        }

        @Override
        public Optional<HandoffEvent> forClocks() {
            return Optional.of(new HandoffEvent.Queued(at, decision.queue()));
        }
    }

    /** Someone, or the escalation ladder, routed the lead again: to another rep or to the queue. */
    record LeadReassigned(String reason, RoutingDecision decision, Instant at, String actor) implements LeadEvent {
        @Override
        public Optional<HandoffEvent> forClocks() {
            if (decision instanceof RoutingDecision.Assigned assigned) {
                return Optional.of(new HandoffEvent.Assigned(at, assigned.rep()));
            }
            return Optional.of(new HandoffEvent.Queued(at, ((RoutingDecision.Unroutable) decision).queue()));
        }
    }

    /** A rep logged a touch. */
    record ActivityLogged(Activity activity) implements LeadEvent {
        @Override
        public Instant at() {
            return activity.at();
        }

        @Override
        public String actor() {
            return activity.rep();
        }

        @Override
        public Optional<HandoffEvent> forClocks() {
            return Optional.of(
                    new HandoffEvent.Touched(activity.at(), activity.rep(), activity.isAttempt(), activity.isAnswer()));
        }
    }

    /** A service-level clock started, was met, breached, stopped, or had a reminder or reassignment fall due. */
    record ClockHappened(ClockEvent event) implements LeadEvent {
        @Override
        public Instant at() {
            return event.at();
        }

        @Override
        public String actor() {
            return "sla";
        }

        @Override
        public String type() {
            return event.getClass().getSimpleName();
        }
    }

    /** The lead was given to a rep who was away when its clocks started: flagged at once, not at the breach. */
    record RepAwayWhenClocksStarted(String rep, String why, Instant at) implements LeadEvent {
        @Override
        public String actor() {
            return "sla";
        }
    }
}
