package dev.baton.app;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The clock of {@code baton demo}: it stands where the demo's generator puts it while the generator writes months of
 * history through the real use cases, so that every change, deadline and breach is recorded at its own past time; once
 * released it is the system clock.
 */
final class DemoClock extends Clock {

    private final Clock system = Clock.systemUTC();
    private volatile @Nullable Instant standing;

    /** Stands still at this instant until set again or released; the generator only ever moves it forward. */
    void set(Instant at) {
        standing = at;
    }

    void release() {
        standing = null;
    }

    @Override
    public Instant instant() {
        Instant at = standing;
        return at == null ? system.instant() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
