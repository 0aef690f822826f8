package dev.baton.bench;

import dev.baton.testing.BatonProcess;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The benchmark's HTTP clients: closed-loop senders that measure throughput, and a paced sender for steady load. */
final class LoadClients {

    private LoadClients() {}

    /** A steady background load of 1,000 events a second: 20 events about random leads every 20 ms. */
    static PacedLoad thousandEventsASecond(BatonProcess baton, BulkLoad.Ids leads, Instant now, String tag) {
        var events = new SyntheticData(7, now);
        var next = new AtomicLong();
        return new PacedLoad(
                baton,
                () -> {
                    var batch = new ArrayList<String>();
                    for (int i = 0; i < 20; i++) {
                        long lead = leads.get(events.nextInt((int) leads.count()));
                        batch.add(events.event(tag + "-" + next.getAndIncrement(), lead, Duration.ofDays(30))
                                .json());
                    }
                    return "{\"events\":[" + String.join(",", batch) + "]}";
                },
                20,
                Duration.ofMillis(20));
    }

    static HttpRequest.Builder postEvents(BatonProcess baton, String body) {
        return baton.request("/api/v1/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "POST /api/v1/events answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** How many requests a closed loop sent, all answered with 200, in how long. */
    record Sent(int requests, Duration took) {}

    /**
     * Sends request bodies 0, 1, 2, … from {@code threads} threads, each waiting for its answer before sending the next,
     * until {@code max} are sent or the time limit has passed.
     */
    static Sent closedLoop(BatonProcess baton, IntFunction<String> bodies, int max, int threads, Duration limit)
            throws Exception {
        var next = new AtomicInteger();
        var sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            var workers = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (var connection =
                            new KeepAliveConnection("localhost", baton.port(), "/api/v1/events", BatonProcess.TOKEN)) {
                        // a body taken is always sent, so the bodies sent are 0 … sent - 1
                        while (System.nanoTime() < deadline) {
                            int i = next.getAndIncrement();
                            if (i >= max) {
                                break;
                            }
                            KeepAliveConnection.Response response = connection.post(bodies.apply(i));
                            if (response.status() != 200) {
                                throw new IllegalStateException(
                                        "POST /api/v1/events answered " + response.status() + ": " + response.body());
                            }
                            sent.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return new Sent(sent.get(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Sends a request at a fixed rate whatever the answers take (up to a bound of requests in flight) and records
     * each one's latency, in windows: {@link #window()} returns the latencies since the previous call.
     */
    static final class PacedLoad implements AutoCloseable {
        private static final int MAX_IN_FLIGHT = 64;

        private final BatonProcess baton;
        private final Supplier<String> bodies;
        private final int eventsPerRequest;
        private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicReference<Latencies> latencies = new AtomicReference<>(new Latencies());
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        PacedLoad(BatonProcess baton, Supplier<String> bodies, int eventsPerRequest, Duration interval) {
            this.baton = baton;
            this.bodies = bodies;
            this.eventsPerRequest = eventsPerRequest;
            pacer.scheduleAtFixedRate(this::sendOne, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void sendOne() {
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                skipped.incrementAndGet();
                return;
            }
            inFlight.incrementAndGet();
            Latencies window = latencies.get();
            long start = System.nanoTime();
            baton.sendAsync(postEvents(baton, bodies.get())).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                if (error != null || response.statusCode() != 200) {
                    failure.compareAndSet(null, error != null ? error : new IOException(response.body()));
                    return;
                }
                window.record(System.nanoTime() - start);
                events.addAndGet(eventsPerRequest);
            });
        }

        Latencies window() {
            Throwable failed = failure.get();
            if (failed != null) {
                throw new IllegalStateException("the paced load failed", failed);
            }
            return latencies.getAndSet(new Latencies());
        }

        /** Events acknowledged so far. */
        long events() {
            return events.get();
        }

        /** Requests not sent because too many were still waiting for an answer. */
        long skipped() {
            return skipped.get();
        }

        @Override
        public void close() throws InterruptedException {
            pacer.shutdownNow();
            pacer.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
