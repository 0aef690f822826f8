package dev.baton.adapter.scheduler;

import dev.baton.core.privacy.Retention;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the engagement that is past its retention at a fixed interval (a day by default) and once soon after start.
 * Several instances may run it: an event deleted twice is deleted once.
 */
public final class RetentionWorker extends PeriodicWorker {

    private static final Logger log = LoggerFactory.getLogger(RetentionWorker.class);

    private final Retention retention;

    public RetentionWorker(Retention retention, Duration interval) {
        super("retention", 1, Duration.ofMinutes(1), interval);
        this.retention = retention;
    }

    @Override
    void work() {
        Periodic.guarded(log, "Retention", () -> {
            Retention.Swept swept = retention.sweep();
            if (swept.events() > 0) {
                log.info(
                        "Retention deleted {} engagement event(s) older than {}",
                        swept.events(),
                        swept.before().orElseThrow());
            }
        });
    }
}
