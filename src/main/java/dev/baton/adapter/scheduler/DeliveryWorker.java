package dev.baton.adapter.scheduler;

import dev.baton.core.engine.Deliveries;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Delivers the outbox in the background: at a fixed interval it delivers every due notice until none is left. */
public final class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final int batch;
    private final Periodic periodic;

    public DeliveryWorker(Deliveries deliveries, Duration interval, int batch) {
        this.deliveries = deliveries;
        this.batch = batch;
        this.periodic = new Periodic("notifications", 1, Duration.ZERO, interval, this::work);
    }

    void work() {
        Periodic.guarded(log, "Delivering notices", () -> {
            while (deliveries.deliverDue(batch).total() > 0) {
                // go on while notices are due
            }
        });
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
