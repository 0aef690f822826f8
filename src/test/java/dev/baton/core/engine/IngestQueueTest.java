package dev.baton.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.core.lead.RawEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestQueueTest {

    private static final Instant AT = Instant.parse("2026-11-20T15:00:00Z");

    private final ExecutorService callers = Executors.newFixedThreadPool(4);
    private final List<List<String>> written = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        firstMayFinish.countDown();
        callers.shutdownNow();
    }

    /**
     * Writes every batch, the first only once the test lets it; refuses events whose id starts with "bad", and fails
     * with a StackOverflowError, as a pathological pattern would, on those whose id starts with "deep".
     */
    private List<LeadIntake.EventResult> write(List<RawEvent> events, String actor) {
        List<String> ids = events.stream().map(RawEvent::eventId).toList();
        written.add(ids);
        if (written.size() == 1) {
            await(firstMayFinish);
        }
        if (ids.stream().anyMatch(id -> id.startsWith("bad"))) {
            throw new BatonException.Invalid("events[0].leadId", "there is no such lead");
        }
        if (ids.stream().anyMatch(id -> id.startsWith("deep"))) {
            throw new StackOverflowError("a pattern recursed too deep");
        }
        return ids.stream()
                .map(id -> new LeadIntake.EventResult(id, LeadIntake.EventResult.Status.STORED, Optional.of(1L)))
                .toList();
    }

    @Test
    void batchesArrivingWhileAWriterIsBusyAreWrittenTogetherAndEachGetsItsOwnResults() throws Exception {
        var queue = new IngestQueue(this::write, 1, 1000);
        CompletableFuture<List<LeadIntake.EventResult>> first = send(queue, "a1");
        waitUntil(() -> written.size() == 1);
        CompletableFuture<List<LeadIntake.EventResult>> second = send(queue, "b1", "b2");
        waitUntil(() -> queue.waiting() == 1); // callers are threads of their own: the order of arrival is made here
        CompletableFuture<List<LeadIntake.EventResult>> third = send(queue, "c1");
        waitUntil(() -> queue.waiting() == 2);

        firstMayFinish.countDown();

        assertThat(ids(first.get(10, TimeUnit.SECONDS))).containsExactly("a1");
        assertThat(ids(second.get(10, TimeUnit.SECONDS))).containsExactly("b1", "b2");
        assertThat(ids(third.get(10, TimeUnit.SECONDS))).containsExactly("c1");
        assertThat(written).containsExactly(List.of("a1"), List.of("b1", "b2", "c1"));
    }

    @Test
    void aBadBatchInAGroupFailsOnlyItself() throws Exception {
        var queue = new IngestQueue(this::write, 1, 1000);
        CompletableFuture<List<LeadIntake.EventResult>> first = send(queue, "a1");
        waitUntil(() -> written.size() == 1);
        CompletableFuture<List<LeadIntake.EventResult>> good = send(queue, "b1");
        waitUntil(() -> queue.waiting() == 1);
        CompletableFuture<List<LeadIntake.EventResult>> bad = send(queue, "bad1");
        waitUntil(() -> queue.waiting() == 2);

        firstMayFinish.countDown();

        assertThat(ids(first.get(10, TimeUnit.SECONDS))).containsExactly("a1");
        assertThat(ids(good.get(10, TimeUnit.SECONDS))).containsExactly("b1");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(BatonException.Invalid.class);
        assertThat(written)
                .as("the group failed, then each batch was written alone")
                .containsExactly(List.of("a1"), List.of("b1", "bad1"), List.of("b1"), List.of("bad1"));
    }

    @Test
    void anErrorInAGroupFailsOnlyItsOwnBatchAndNobodyWaitsForever() throws Exception {
        var queue = new IngestQueue(this::write, 1, 1000);
        CompletableFuture<List<LeadIntake.EventResult>> first = send(queue, "a1");
        waitUntil(() -> written.size() == 1);
        CompletableFuture<List<LeadIntake.EventResult>> good = send(queue, "b1");
        waitUntil(() -> queue.waiting() == 1);
        CompletableFuture<List<LeadIntake.EventResult>> deep = send(queue, "deep1");
        waitUntil(() -> queue.waiting() == 2);

        firstMayFinish.countDown();

        assertThat(ids(first.get(10, TimeUnit.SECONDS))).containsExactly("a1");
        assertThat(ids(good.get(10, TimeUnit.SECONDS))).containsExactly("b1");
        assertThatThrownBy(() -> deep.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);
        assertThat(written).containsExactly(List.of("a1"), List.of("b1", "deep1"), List.of("b1"), List.of("deep1"));
    }

    @Test
    void anErrorOfTheWriterItselfLeavesTheWaitingBatchesToTheNextWriter() throws Exception {
        var queue = new IngestQueue(this::write, 1, 1000);
        CompletableFuture<List<LeadIntake.EventResult>> deep = send(queue, "deep0");
        waitUntil(() -> written.size() == 1);
        CompletableFuture<List<LeadIntake.EventResult>> second = send(queue, "b1");
        CompletableFuture<List<LeadIntake.EventResult>> third = send(queue, "c1");
        waitUntil(() -> queue.waiting() == 2);

        firstMayFinish.countDown();

        assertThatThrownBy(() -> deep.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);
        assertThat(ids(second.get(10, TimeUnit.SECONDS))).containsExactly("b1");
        assertThat(ids(third.get(10, TimeUnit.SECONDS))).containsExactly("c1");
    }

    @Test
    void aGroupNeverExceedsItsSizeNorMixesActors() throws Exception {
        var queue = new IngestQueue(this::write, 1, 3);
        CompletableFuture<?> first = send(queue, "a1");
        waitUntil(() -> written.size() == 1);
        CompletableFuture<?> two = send(queue, "b1", "b2");
        waitUntil(() -> queue.waiting() == 1);
        CompletableFuture<?> other = sendAs(queue, "csv", "x1");
        waitUntil(() -> queue.waiting() == 2);
        CompletableFuture<?> twoMore = send(queue, "c1", "c2");
        waitUntil(() -> queue.waiting() == 3);

        firstMayFinish.countDown();
        CompletableFuture.allOf(first, two, other, twoMore).get(10, TimeUnit.SECONDS);

        assertThat(written).containsExactly(List.of("a1"), List.of("b1", "b2"), List.of("x1"), List.of("c1", "c2"));
    }

    private CompletableFuture<List<LeadIntake.EventResult>> send(IngestQueue queue, String... ids) {
        return sendAs(queue, "api", ids);
    }

    private CompletableFuture<List<LeadIntake.EventResult>> sendAs(IngestQueue queue, String actor, String... ids) {
        return CompletableFuture.supplyAsync(() -> queue.ingest(batch(ids), actor), callers);
    }

    private static List<RawEvent> batch(String... ids) {
        var events = new ArrayList<RawEvent>();
        for (String id : ids) {
            events.add(
                    new RawEvent(id, Optional.of(1L), Optional.empty(), Optional.empty(), "page_view", AT, Map.of()));
        }
        return events;
    }

    private static List<String> ids(List<LeadIntake.EventResult> results) {
        return results.stream().map(LeadIntake.EventResult::eventId).toList();
    }

    /** Spins until the queue reaches the state; the callers are real threads, so there is nothing else to wait on. */
    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the queue never reached the expected state");
            }
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never let the first write finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
