package dev.baton.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Work paced by a scheduler: the benchmark's probes, polls and settling pauses. */
final class Pacing {

    /** One step of paced work; false when there is nothing more to do. */
    @FunctionalInterface
    interface Step {
        boolean next() throws Exception;
    }

    private Pacing() {}

    /**
     * Runs the step now and then once every {@code interval} (at once when a step ran late) until it returns false;
     * returns then, or throws what the step threw.
     */
    static void atFixedRate(Duration interval, Step step) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        var done = new CompletableFuture<Void>();
        try {
            scheduler.scheduleAtFixedRate(
                    () -> {
                        try {
                            if (!done.isDone() && !step.next()) {
                                done.complete(null);
                            }
                        } catch (Exception | Error failure) {
                            done.completeExceptionally(failure);
                        }
                    },
                    0,
                    interval.toNanos(),
                    TimeUnit.NANOSECONDS);
            done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Lets {@code pause} pass, so that a load settles before it is measured. */
    static void after(Duration pause) {
        CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(pause.toNanos(), TimeUnit.NANOSECONDS))
                .join();
    }
}
