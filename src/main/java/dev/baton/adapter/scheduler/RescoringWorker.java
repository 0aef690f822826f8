package dev.baton.adapter.scheduler;

import dev.baton.core.engine.Rescoring;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Works rescoring jobs in the background: each of its threads looks for a running job at a fixed interval and works
 * it chunk by chunk until none is left. Several Baton instances may run it; each chunk is claimed by one thread.
 */
public final class RescoringWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RescoringWorker.class);

    private final Rescoring rescoring;
    private final int threads;
    private final int chunkSize;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public RescoringWorker(Rescoring rescoring, int threads, int chunkSize, Duration interval) {
        if (threads < 1) {
            throw new IllegalArgumentException("rescoring needs at least one worker thread");
        }
        this.rescoring = rescoring;
        this.threads = threads;
        this.chunkSize = chunkSize;
        this.interval = interval;
    }

    @Override
    public void start() {
        var numbered = new java.util.concurrent.atomic.AtomicInteger();
        executor = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "baton-rescoring-" + numbered.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < threads; i++) {
            executor.scheduleWithFixedDelay(
                    this::work, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Works the jobs until none is left. Whatever stops it — an Error too, such as a StackOverflowError from a
     * pathological pattern — is logged and the thread comes back at the next interval: a periodic task that throws
     * is never run again, and rescoring would stop for good.
     */
    void work() {
        try {
            rescoring.drain(chunkSize);
        } catch (RuntimeException e) {
            log.warn("Rescoring stopped for now and will resume from its checkpoint: {}", e.toString());
        } catch (Error e) {
            log.error("Rescoring failed and will resume from its checkpoint at the next interval", e);
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
