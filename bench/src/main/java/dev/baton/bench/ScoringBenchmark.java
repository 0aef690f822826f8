package dev.baton.bench;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.IntentRule;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.Facts;
import dev.baton.core.scoring.ScoreCard;
import dev.baton.core.scoring.Scorer;
import dev.baton.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scores one lead with 200 events from the last 60 days against the first example agreement, next to a baseline that
 * only loops over the same events summing each one's nominal points.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {

    static final int EVENTS = 200;
    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Duration HISTORY = Duration.ofDays(60);

    private Scorer scorer;
    private Facts lead;
    private List<EngagementEvent> events;
    private Map<String, Integer> pointsByType;

    @Setup
    public void setUp() {
        Agreement agreement = Fixtures.saasAgreement();
        scorer = new Scorer(agreement);
        lead = Fixtures.anIdealLead().build();
        events = history(new Random(20261120L));
        pointsByType = new HashMap<>();
        for (IntentRule rule : agreement.intent()) {
            pointsByType.putIfAbsent(rule.event().eventType(), rule.points());
        }
    }

    @Benchmark
    public ScoreCard score() {
        return scorer.score(lead, events, NOW);
    }

    /** The least any scoring must do: visit every event once and add up points looked up by its type. */
    @Benchmark
    public int baseline() {
        int sum = 0;
        for (EngagementEvent event : events) {
            sum += pointsByType.getOrDefault(event.type(), 0);
        }
        return sum;
    }

    /** A realistic mix: mostly page views (a fifth of them on pricing), email clicks and opens, some content. */
    static List<EngagementEvent> history(Random random) {
        var history = new ArrayList<EngagementEvent>();
        for (int i = 0; i < EVENTS; i++) {
            Instant at = NOW.minusSeconds((long) (random.nextDouble() * HISTORY.toSeconds()));
            history.add(event(random, i, at));
        }
        return List.copyOf(history);
    }

    private static EngagementEvent event(Random random, int i, Instant at) {
        String id = "bench-" + i;
        int roll = random.nextInt(100);
        if (roll < 55) {
            String url = random.nextInt(5) == 0 ? "/pricing" : "/blog/post-" + random.nextInt(40);
            return new EngagementEvent(id, "page_view", at, Map.of("url", url, "session", "s" + i / 4));
        }
        if (roll < 70) {
            return new EngagementEvent(id, "email_clicked", at, Map.of("campaign", "nurture-" + random.nextInt(6)));
        }
        if (roll < 82) {
            return new EngagementEvent(id, "email_opened", at, Map.of("campaign", "nurture-" + random.nextInt(6)));
        }
        if (roll < 92) {
            return new EngagementEvent(id, "content_downloaded", at, Map.of("content", "guide-" + random.nextInt(8)));
        }
        if (roll < 97) {
            return new EngagementEvent(id, "webinar_attended", at, Map.of("webinar", "w" + random.nextInt(3)));
        }
        String form = random.nextInt(3) == 0 ? "demo" : "newsletter";
        return new EngagementEvent(id, "form_submitted", at, Map.of("form", form));
    }
}
