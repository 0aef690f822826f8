package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * How the dashboard keeps its views: computed once while nothing changes, computed again after a change or in a new
 * minute, the kept view shown (marked stale) while a computation longer than the wait goes on in the background, and
 * never a view older than the longest age. The background runs when the test says so, on the test's thread.
 */
class KeptViewsTest {

    private static final Instant START = Instant.parse("2026-05-04T09:00:10Z");

    private final SettableClock clock = new SettableClock(START);
    private final AtomicLong changes = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private boolean failing;

    /** A view that says which computation made it. */
    private String compute(String key) {
        if (failing) {
            throw new IllegalStateException("the database is gone");
        }
        return key + " #" + computed.incrementAndGet();
    }

    private KeptViews<String, String> views(Duration wait) {
        return new KeptViews<>(this::compute, changes::get, clock, wait, Duration.ofMinutes(15), 16, background::add);
    }

    private void runBackground() {
        for (Runnable task = background.poll(); task != null; task = background.poll()) {
            task.run();
        }
    }

    @Test
    void aViewAskedAgainWithoutAChangeIsComputedOnce() {
        var views = views(Duration.ZERO);

        assertThat(views.get("all")).isEqualTo(new KeptViews.Shown<>("all #1", START, false));
        assertThat(views.get("all")).isEqualTo(new KeptViews.Shown<>("all #1", START, false));
        assertThat(views.get("team=west").view()).isEqualTo("team=west #2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void afterAChangeAComputationWithinTheWaitIsShownFresh() {
        // the computation runs on another thread while the asker waits for it
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            var waiting = new KeptViews<String, String>(
                    this::compute, changes::get, clock, Duration.ofMinutes(1), Duration.ofMinutes(15), 16, elsewhere);
            waiting.get("all");
            changes.incrementAndGet();
            clock.advance(Duration.ofSeconds(5));

            assertThat(waiting.get("all")).isEqualTo(new KeptViews.Shown<>("all #2", START.plusSeconds(5), false));
        } finally {
            elsewhere.shutdownNow();
        }
    }

    @Test
    void aViewWhoseLastComputationTookLongerThanTheWaitIsNotWaitedFor() {
        var slow = new KeptViews<String, String>(
                key -> {
                    // each computation takes ten seconds of the clock; the wait is one
                    clock.advance(Duration.ofSeconds(10));
                    return compute(key);
                },
                changes::get,
                clock,
                Duration.ofSeconds(1),
                Duration.ofMinutes(15),
                16,
                // the computation again runs as soon as it is asked for: an asker that waited would get its view
                Runnable::run);
        slow.get("all");
        changes.incrementAndGet();

        assertThat(slow.get("all")).isEqualTo(new KeptViews.Shown<>("all #1", START, true));
        assertThat(computed).as("computed again all the same").hasValue(2);
    }

    @Test
    void aComputationLongerThanTheWaitShowsTheKeptViewMarkedStaleAndRunsOnceInTheBackground() {
        var views = views(Duration.ZERO);
        views.get("all");
        changes.incrementAndGet();

        assertThat(views.get("all")).isEqualTo(new KeptViews.Shown<>("all #1", START, true));
        assertThat(views.get("all")).isEqualTo(new KeptViews.Shown<>("all #1", START, true));
        assertThat(computed)
                .as("nothing computed while the askers were answered")
                .hasValue(1);

        clock.advance(Duration.ofSeconds(20));
        runBackground();

        assertThat(computed).as("one computation for both askers").hasValue(2);
        assertThat(views.get("all")).isEqualTo(new KeptViews.Shown<>("all #2", START.plusSeconds(20), false));
    }

    @Test
    void aNewMinuteMakesAViewStaleSinceSomeFiguresMoveWithTimeAlone() {
        var views = views(Duration.ZERO);
        views.get("all");
        clock.advance(Duration.ofSeconds(40));
        assertThat(views.get("all").stale()).as("09:00:50, the same minute").isFalse();

        clock.advance(Duration.ofSeconds(20));
        assertThat(views.get("all").stale()).as("09:01:10").isTrue();
        runBackground();
        assertThat(views.get("all")).isEqualTo(new KeptViews.Shown<>("all #2", START.plusSeconds(60), false));
    }

    @Test
    void aChangeDuringTheComputationLeavesItsViewStale() {
        var views = new KeptViews<String, String>(
                key -> {
                    changes.incrementAndGet();
                    return compute(key);
                },
                changes::get,
                clock,
                Duration.ZERO,
                Duration.ofMinutes(15),
                16,
                background::add);

        KeptViews.Shown<String> first = views.get("all");

        assertThat(first.view()).isEqualTo("all #1");
        assertThat(views.get("all").stale()).isTrue();
    }

    @Test
    void aViewOlderThanTheLongestAgeIsComputedWhileTheAskerWaits() {
        var views = views(Duration.ZERO);
        views.get("all");
        clock.advance(Duration.ofMinutes(16));

        assertThat(views.get("all")).isEqualTo(new KeptViews.Shown<>("all #2", START.plusSeconds(16 * 60), false));
    }

    @Test
    void aFailedComputationIsReportedToItsAskerAndTriedAgainAtTheNextAsk() {
        var views = views(Duration.ZERO);
        failing = true;
        assertThatThrownBy(() -> views.get("all")).hasMessage("the database is gone");

        failing = false;
        assertThat(views.get("all").view()).isEqualTo("all #1");
    }
}
