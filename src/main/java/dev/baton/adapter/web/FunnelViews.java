package dev.baton.adapter.web;

import dev.baton.core.metrics.FunnelChanges;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the pages' kept views of the funnel's figures ({@link KeptViews}): fresh while the funnel does not change
 * ({@link FunnelChanges}) within the clock's minute, waited for after a change up to {@code baton.dashboard.wait},
 * never shown older than {@code baton.dashboard.max-age}, computed again in the background by a few threads of
 * their own.
 */
@Component
class FunnelViews {

    /** Views computed at once in the background; the rest wait for them. */
    private static final int COMPUTING = 2;

    private final FunnelChanges changes;
    private final Clock clock;
    private final Duration wait;
    private final Duration maxAge;
    private final ExecutorService computing = Executors.newFixedThreadPool(COMPUTING, runnable -> {
        var thread = new Thread(runnable, "funnel-views");
        thread.setDaemon(true);
        return thread;
    });

    FunnelViews(
            FunnelChanges changes,
            Clock clock,
            @Value("${baton.dashboard.wait:200ms}") Duration wait,
            @Value("${baton.dashboard.max-age:15m}") Duration maxAge) {
        this.changes = changes;
        this.clock = clock;
        this.wait = wait;
        this.maxAge = maxAge;
    }

    /** Views computed by the function, kept for at most so many keys. */
    <K, V> KeptViews<K, V> kept(Function<K, V> compute, int maximumSize) {
        return new KeptViews<>(compute, changes::current, clock, wait, maxAge, maximumSize, computing);
    }

    @PreDestroy
    void close() {
        computing.shutdownNow();
    }
}
