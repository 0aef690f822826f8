package dev.baton.core.engine;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.notification.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Delivers the outbox: leases due notices, hands each to its channel, and records the outcome. A failed attempt is
 * tried again after an exponential backoff with jitter (the base doubled per attempt, up to a cap, times a random
 * factor between ½ and 1), and after the last allowed attempt the notice is dead until someone retries it.
 */
public final class Deliveries {

    /** How long a worker holds the notices it took before another may take them. */
    static final Duration LEASE = Duration.ofMinutes(2);

    /** How deliveries are retried. */
    public record Retries(int maxAttempts, Duration base, Duration cap) {
        public Retries {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("notices need at least one attempt");
            }
        }

        Duration backoff(int attempts, double jitter) {
            long doubled = base.toMillis() << Math.min(attempts - 1, 30);
            long capped = Math.min(doubled <= 0 ? cap.toMillis() : doubled, cap.toMillis());
            return Duration.ofMillis((long) (capped * (0.5 + 0.5 * jitter)));
        }
    }

    /** What one round did. */
    public record Round(int delivered, int failed, int dead) {
        public int total() {
            return delivered + failed + dead;
        }
    }

    private final Outbox outbox;
    private final Map<ChannelKind, Delivery> channels;
    private final Retries retries;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final Telemetry telemetry;

    public Deliveries(
            Outbox outbox,
            List<Delivery> channels,
            Retries retries,
            Clock clock,
            DoubleSupplier jitter,
            Telemetry telemetry) {
        this.telemetry = telemetry;
        this.outbox = outbox;
        this.channels = new EnumMap<>(ChannelKind.class);
        channels.forEach(channel -> this.channels.put(channel.kind(), channel));
        this.retries = retries;
        this.clock = clock;
        this.jitter = jitter;
    }

    public Round deliverDue(int limit) {
        Instant now = clock.instant();
        int delivered = 0;
        int failed = 0;
        int dead = 0;
        for (Outbox.Entry entry : outbox.lease(now, LEASE, limit)) {
            Optional<String> error = attempt(entry);
            if (error.isEmpty()) {
                outbox.delivered(entry.id(), clock.instant());
                telemetry.delivery(entry.notice().channel(), "delivered");
                delivered++;
                continue;
            }
            int attempts = entry.attempts() + 1;
            boolean last = attempts >= retries.maxAttempts();
            outbox.failed(
                    entry.id(), attempts, now.plus(retries.backoff(attempts, jitter.getAsDouble())), error.get(), last);
            telemetry.delivery(entry.notice().channel(), last ? "dead" : "failed");
            if (last) {
                dead++;
            } else {
                failed++;
            }
        }
        return new Round(delivered, failed, dead);
    }

    private Optional<String> attempt(Outbox.Entry entry) {
        Delivery channel = channels.get(entry.notice().channel());
        if (channel == null) {
            return Optional.of("no " + entry.notice().channel().word() + " channel is configured");
        }
        try {
            channel.deliver(entry.notice());
            return Optional.empty();
        } catch (Delivery.Failed e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of(e.toString());
        }
    }

    /** The kinds of channel that are configured: notices are only written for these. */
    public java.util.Set<ChannelKind> configured() {
        return channels.keySet();
    }
}
