package dev.baton.adapter.persistence;

import dev.baton.core.metrics.FunnelChanges;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funnel's change number from the {@code funnel_changes} sequence the funnel tables' triggers step. A sequence is
 * stepped before the writing transaction commits, so a reading can run ahead of what is visible; a view kept by it
 * is also kept by time, which bounds that.
 */
public final class JdbcFunnelChanges implements FunnelChanges {

    private final JdbcClient jdbc;

    public JdbcFunnelChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long current() {
        return jdbc.sql("select last_value + (case when is_called then 1 else 0 end) from funnel_changes")
                .query(Long.class)
                .single();
    }
}
