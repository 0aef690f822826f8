package dev.baton.core.sla;

import java.time.Instant;
import java.util.Optional;

/**
 * What a lead's clocks did, in the past tense: each is a timeline entry, and the breaches, reminders and
 * reassignments are also what people are told about. {@code at} is when it happened in business terms — a breach at
 * its deadline, even when the timer noticed it later.
 */
public sealed interface ClockEvent {

    Clock clock();

    Instant at();

    /** A clock started running. */
    record ClockStarted(Clock clock, Instant at) implements ClockEvent {}

    /** What the clock waited for happened in time. */
    record ClockMet(Clock clock, Instant at) implements ClockEvent {}

    /** What the clock waited for happened after its deadline. */
    record ClockMetLate(Clock clock, Instant at) implements ClockEvent {}

    /** The deadline passed. */
    record ClockBreached(Clock clock, Instant at) implements ClockEvent {}

    /** The clock stopped without being met or breached: the lead left the handoff or changed hands. */
    record ClockStopped(Clock clock, Instant at, String why) implements ClockEvent {}

    /** The rep is to be reminded that a deadline is near. */
    record ReminderDue(Clock clock, Instant at) implements ClockEvent {}

    /** A breach has lasted {@code reassign-after}: the lead is to be routed again without this rep. */
    record ReassignmentDue(Clock clock, Instant at) implements ClockEvent {}

    /**
     * The required attempts were made and the lead never answered within the span: it is unresponsive, and the
     * agreement's reason code (if any) says what happens to it.
     */
    record LeadUnresponsive(Clock clock, Instant at, Optional<String> reasonCode) implements ClockEvent {}
}
