package dev.baton.adapter.metrics;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.engine.ClockStore;
import dev.baton.core.engine.Outbox;
import dev.baton.core.engine.Telemetry;
import dev.baton.core.sla.ClockEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Baton's operational metrics: events ingested, MQLs, routing decisions, clock events by kind, timer lateness, the
 * outbox backlog and the age of its oldest notice, the clocks due now, and deliveries by channel and outcome.
 */
public final class MicrometerTelemetry implements Telemetry {

    private final MeterRegistry registry;
    private final Counter mqls;

    public MicrometerTelemetry(MeterRegistry registry, Outbox outbox, ClockStore clocks, Clock clock) {
        this.registry = registry;
        this.mqls = Counter.builder("baton.mqls")
                .description("Leads that qualified")
                .register(registry);
        Gauge.builder("baton.notifications.backlog", outbox, o -> o.backlog().pending())
                .description("Notices waiting to be delivered")
                .register(registry);
        Gauge.builder(
                        "baton.notifications.oldest.age",
                        outbox,
                        o -> age(o.backlog().oldest(), clock))
                .description("Seconds the oldest undelivered notice has waited")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("baton.sla.due", clocks, c -> c.backlog(clock.instant()).due())
                .description("Leads whose clocks are due and not yet acted on")
                .register(registry);
        Gauge.builder(
                        "baton.sla.due.oldest.age",
                        clocks,
                        c -> age(c.backlog(clock.instant()).oldest(), clock))
                .description("Seconds since the oldest due clock fell due")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void qualified() {
        mqls.increment();
    }

    @Override
    public void routed(boolean toRep) {
        registry.counter("baton.routing.decisions", "outcome", toRep ? "assigned" : "queued")
                .increment();
    }

    @Override
    public void clock(ClockEvent event) {
        registry.counter(
                        "baton.sla.clock.events",
                        "event",
                        name(event),
                        "clock",
                        event.clock().kind().word())
                .increment();
    }

    @Override
    public void lateness(ClockEvent event, Duration late) {
        Timer.builder("baton.sla.timer.lateness")
                .description("From the moment a reminder, breach or reassignment fell due to when the timer acted")
                .tag("event", name(event))
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry)
                .record(late.isNegative() ? Duration.ZERO : late);
    }

    @Override
    public void delivery(ChannelKind channel, String outcome) {
        registry.counter("baton.notifications.deliveries", "channel", channel.word(), "outcome", outcome)
                .increment();
    }

    /** ClockBreached → breached, ReminderDue → reminder-due. */
    private static String name(ClockEvent event) {
        return event.getClass()
                .getSimpleName()
                .replaceFirst("^Clock", "")
                .replaceAll("([a-z])([A-Z])", "$1-$2")
                .toLowerCase(Locale.ROOT);
    }

    private static double age(java.util.Optional<Instant> oldest, Clock clock) {
        return oldest.map(at ->
                        Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
