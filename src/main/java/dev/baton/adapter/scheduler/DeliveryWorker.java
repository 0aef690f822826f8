package dev.baton.adapter.scheduler;

import dev.baton.core.engine.Deliveries;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers the outbox in the background: at a fixed interval it delivers every due notice until none is left. */
public final class DeliveryWorker extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final int batch;

    public DeliveryWorker(Deliveries deliveries, Duration interval, int batch) {
        super("notifications", 1, Duration.ZERO, interval);
        this.deliveries = deliveries;
        this.batch = batch;
    }

    @Override
    void work() {
        Periodic.guarded(log, "Delivering notices", () -> {
            while (deliveries.deliverDue(batch).total() > 0) {
                // go on while notices are due
            }
        });
    }
}
