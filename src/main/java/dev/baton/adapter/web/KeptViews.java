package dev.baton.adapter.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Views that take long to compute, kept per key while what they are computed from does not change: a view is fresh
 * while the change number ({@code changes}) and the clock's minute are those it was computed at (some figures move
 * with time alone). A stale view is computed again in the background, once however many ask; the asker waits for it
 * up to {@code wait} when its last computation took no longer than that, and is otherwise shown the kept one, marked
 * stale, so that no view waits on a long computation once it has been computed. A view kept longer than
 * {@code maxAge} is not shown again: it is computed while the asker waits, as a view never asked for is.
 */
final class KeptViews<K, V> {

    /** A view as shown: when it was computed, and whether what it is computed from has changed since. */
    record Shown<V>(V view, Instant computedAt, boolean stale) {}

    /** A computed view, what it was computed at, and how long that took. */
    private record Computed<V>(V view, Instant minute, long changes, Instant at, Duration took) {}

    private final LoadingCache<K, Computed<V>> views;
    private final LongSupplier changes;
    private final Clock clock;
    private final Duration wait;

    KeptViews(
            Function<K, V> compute,
            LongSupplier changes,
            Clock clock,
            Duration wait,
            Duration maxAge,
            int maximumSize,
            Executor executor) {
        this.changes = changes;
        this.clock = clock;
        this.wait = wait;
        this.views = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(maxAge)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .executor(executor)
                .build(key -> {
                    // what the view is computed at is read before it is computed: a change meanwhile makes it stale
                    Instant at = clock.instant();
                    long number = changes.getAsLong();
                    V view = compute.apply(key);
                    return new Computed<>(view, minute(at), number, at, Duration.between(at, clock.instant()));
                });
    }

    /** The view for the key: fresh when it is kept or computed within the wait, else the kept one, marked stale. */
    Shown<V> get(K key) {
        Computed<V> kept = views.get(key);
        if (fresh(kept)) {
            return shown(kept, false);
        }
        CompletableFuture<Computed<V>> again = views.refresh(key);
        if (kept.took().compareTo(wait) > 0) {
            return shown(kept, true);
        }
        try {
            Computed<V> computed = again.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            return shown(computed, !fresh(computed));
        } catch (TimeoutException e) {
            return shown(kept, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return shown(kept, true);
        } catch (ExecutionException e) {
            // the computation failed: its asker hears why, as when it is computed while they wait
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private boolean fresh(Computed<V> computed) {
        return computed.changes() == changes.getAsLong() && computed.minute().equals(minute(clock.instant()));
    }

    private static <V> Shown<V> shown(Computed<V> computed, boolean stale) {
        return new Shown<>(computed.view(), computed.at(), stale);
    }

    private static Instant minute(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES);
    }
}
