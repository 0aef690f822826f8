package dev.baton.core.privacy;

import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.Transactions;
import dev.baton.core.lifecycle.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long the engagement of people who never became a marketing-qualified lead is kept: their events, and anonymous
 * visitors' events, go once older than the period (kept forever without one). Scores must not move because evidence
 * went, so the events the active agreement can still count stay: none inside its scoring horizon (all of them when a
 * rule looks back forever), none of the types its negative rules count at any age. The per-lead summaries of
 * engagement (counts by type, first campaign touches) carry no personal data and stay, so that the figures of a lead
 * that qualifies later still see what touched it.
 */
public final class Retention {

    /** The stages a lead can stand in without ever having been handed to sales. */
    static final Set<Stage> BEFORE_SALES = Arrays.stream(Stage.values())
            .filter(stage -> !stage.isSalesOwned() && stage != Stage.WON)
            .collect(Collectors.toUnmodifiableSet());

    private static final int BATCH = 5000;

    /** What one sweep deleted, and the age it deleted from. */
    public record Swept(Optional<Instant> before, long events) {}

    private final Optional<Duration> period;
    private final PersonalDataStore store;
    private final ActiveAgreement active;
    private final Transactions transactions;
    private final Clock clock;

    public Retention(
            Optional<Duration> period,
            PersonalDataStore store,
            ActiveAgreement active,
            Transactions transactions,
            Clock clock) {
        if (period.filter(p -> p.isNegative() || p.isZero()).isPresent()) {
            throw new IllegalArgumentException("a retention period must be longer than zero, not " + period.get());
        }
        this.period = period;
        this.store = store;
        this.active = active;
        this.transactions = transactions;
        this.clock = clock;
    }

    public boolean enabled() {
        return period.isPresent();
    }

    /** The instant events older than which may go; empty when none may. */
    public Optional<Instant> cutoff(Instant now) {
        if (period.isEmpty()) {
            return Optional.empty();
        }
        Instant aged = now.minus(period.get());
        Optional<ActiveAgreement.Running> running = active.current();
        if (running.isEmpty()) {
            return Optional.of(aged);
        }
        return running.get().scorer().lookbackFrom(now).map(horizon -> horizon.isBefore(aged) ? horizon : aged);
    }

    /** Deletes the events past the cutoff, in batches of their own transactions, until none is left. */
    public Swept sweep() {
        Instant now = clock.instant();
        Optional<Instant> before = cutoff(now);
        if (before.isEmpty()) {
            return new Swept(before, 0);
        }
        Set<String> kept = active.current()
                .map(running -> running.scorer().everEventTypes())
                .orElse(Set.of());
        var sweep = new PersonalDataStore.Sweep(before.get(), BEFORE_SALES, kept);
        long deleted = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> store.deleteEvents(sweep, BATCH));
            deleted += batch;
        } while (batch == BATCH);
        return new Swept(before, deleted);
    }
}
