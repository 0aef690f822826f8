package dev.baton.adapter.scheduler;

import dev.baton.core.engine.Escalations;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the agreement's program escalations at a fixed interval (an hour by default) and once soon after start.
 * Several instances may run it: a trigger opens at most one review, whoever evaluates it.
 */
public final class EscalationWorker extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(EscalationWorker.class);

    private final Escalations escalations;

    public EscalationWorker(Escalations escalations, Duration interval) {
        super("escalations", 1, Duration.ofMinutes(1), interval);
        this.escalations = escalations;
    }

    @Override
    void work() {
        Periodic.guarded(log, "The escalations", () -> {
            int opened = escalations.evaluate().size();
            if (opened > 0) {
                log.info("Escalations opened {} review(s)", opened);
            }
        });
    }
}
