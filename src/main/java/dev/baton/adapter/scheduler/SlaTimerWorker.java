package dev.baton.adapter.scheduler;

import dev.baton.core.engine.DueClocks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the service-level timers: at a fixed interval, and at once on start so that deadlines that passed while Baton
 * was down are recorded (at their own time) without waiting, it works every due clock until none is left. Several
 * Baton instances may run it; each due lead is claimed by one of them.
 */
public final class SlaTimerWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerWorker.class);

    private final DueClocks due;
    private final int batch;
    private final Periodic periodic;

    public SlaTimerWorker(DueClocks due, Duration interval, int batch) {
        this.due = due;
        this.batch = batch;
        this.periodic = new Periodic("sla-timers", 1, Duration.ZERO, interval, this::work);
    }

    void work() {
        Periodic.guarded(log, "The SLA timers", () -> due.drain(batch));
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
