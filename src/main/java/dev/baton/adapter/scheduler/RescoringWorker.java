package dev.baton.adapter.scheduler;

import dev.baton.core.engine.Rescoring;
import java.time.Duration;
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
    private final int chunkSize;
    private final Periodic periodic;

    public RescoringWorker(Rescoring rescoring, int threads, int chunkSize, Duration interval) {
        this.rescoring = rescoring;
        this.chunkSize = chunkSize;
        this.periodic = new Periodic("rescoring", threads, interval, interval, this::work);
    }

    /** Works the jobs until none is left; a failure is logged and the job resumes from its checkpoint. */
    void work() {
        Periodic.guarded(log, "Rescoring", () -> rescoring.drain(chunkSize));
    }

    @Override
    public void start() {
        periodic.start();
    }

    @Override
    public void stop() {
        periodic.stop();
    }

    @Override
    public boolean isRunning() {
        return periodic.isRunning();
    }
}
