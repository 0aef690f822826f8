package dev.baton.adapter.scheduler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Background work on daemon threads of its own, each running rounds at a fixed delay. Whatever stops a round — an
 * Error too, such as a StackOverflowError from a pathological pattern — is logged and the next round comes at the next
 * interval: a periodic task that throws is never run again, and the work would stop for good.
 */
final class Periodic {

    private final String name;
    private final int threads;
    private final Duration firstDelay;
    private final Duration interval;
    private final Runnable round;
    private ScheduledExecutorService executor;

    Periodic(String name, int threads, Duration firstDelay, Duration interval, Runnable round) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + " needs at least one thread");
        }
        this.name = name;
        this.threads = threads;
        this.firstDelay = firstDelay;
        this.interval = interval;
        this.round = round;
    }

    /** Runs one round of work, logging instead of throwing whatever stops it. */
    static void guarded(Logger log, String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} stopped for now and will resume at the next interval: {}", what, e.toString());
        } catch (Error e) {
            log.error("{} failed and will resume at the next interval", what, e);
        }
    }

    void start() {
        var numbered = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "baton-" + name + "-" + numbered.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            executor.scheduleWithFixedDelay(round, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        executor.shutdownNow();
        executor = null;
    }

    boolean isRunning() {
        return executor != null;
    }
}
