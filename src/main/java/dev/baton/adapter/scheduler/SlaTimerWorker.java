package dev.baton.adapter.scheduler;

import dev.baton.core.engine.DueClocks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service-level timers: at a fixed interval, and at once on start so that deadlines that passed while Baton
 * was down are recorded (at their own time) without waiting, it works every due clock until none is left. Several
 * Baton instances may run it; each due lead is claimed by one of them.
 */
public final class SlaTimerWorker extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerWorker.class);

    private final DueClocks due;
    private final int batch;

    public SlaTimerWorker(DueClocks due, Duration interval, int batch) {
        super("sla-timers", 1, Duration.ZERO, interval);
        this.due = due;
        this.batch = batch;
    }

    @Override
    void work() {
        Periodic.guarded(log, "The SLA timers", () -> due.drain(batch));
    }
}
