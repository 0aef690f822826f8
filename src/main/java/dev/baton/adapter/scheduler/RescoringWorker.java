package dev.baton.adapter.scheduler;

import dev.baton.core.engine.Rescoring;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works rescoring jobs in the background: each of its threads looks for a running job at a fixed interval and works
 * it chunk by chunk until none is left. Several Baton instances may run it; each chunk is claimed by one thread.
 */
public final class RescoringWorker extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(RescoringWorker.class);

    private final Rescoring rescoring;
    private final int chunkSize;

    public RescoringWorker(Rescoring rescoring, int threads, int chunkSize, Duration interval) {
        super("rescoring", threads, interval, interval);
        this.rescoring = rescoring;
        this.chunkSize = chunkSize;
    }

    /** Works the jobs until none is left; a failure is logged and the job resumes from its checkpoint. */
    @Override
    void work() {
        Periodic.guarded(log, "Rescoring", () -> rescoring.drain(chunkSize));
    }
}
