package dev.baton.adapter.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a credential, or a client's address): {@code limit} takes per {@code period}, refilled
 * evenly, on the given clock so that tests can move time. Each instance of Baton keeps its own buckets.
 */
public final class RateLimits {

    private static final int MAX_KEYS = 100_000;

    private final Duration period;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(Duration period, Clock clock) {
        this.period = period;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                var now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one from the key's bucket; empty when it could, else how long until it can. */
    public Optional<Duration> take(String key, int limit) {
        if (buckets.size() > MAX_KEYS) {
            // a flood of distinct keys (addresses) must not grow memory without end; starting afresh forgives a little
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(
                key + "#" + limit,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(limit)
                                .refillGreedy(limit, period)
                                .build())
                        .withCustomTimePrecision(time)
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets a key's bucket: after a successful sign-in, say. */
    public void forget(String key, int limit) {
        buckets.remove(key + "#" + limit);
    }
}
