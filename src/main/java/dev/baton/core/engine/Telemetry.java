package dev.baton.core.engine;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.sla.ClockEvent;
import java.time.Duration;

/** What the engine counts for operators: MQLs, routing decisions, clock events, timer lateness, deliveries. */
public interface Telemetry {

    void qualified();

    void routed(boolean toRep);

    void clock(ClockEvent event);

    /** How long after its moment a timer acted on a reminder, breach, reassignment or unresponsive lead. */
    void lateness(ClockEvent event, Duration late);

    void delivery(ChannelKind channel, String outcome);

    /** Counts nothing. */
    Telemetry NONE = new Telemetry() {
        @Override
        public void qualified() {}

        @Override
        public void routed(boolean toRep) {}

        @Override
        public void clock(ClockEvent event) {}

        @Override
        public void lateness(ClockEvent event, Duration late) {}

        @Override
        public void delivery(ChannelKind channel, String outcome) {}
    };
}
