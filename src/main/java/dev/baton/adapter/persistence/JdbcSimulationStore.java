package dev.baton.adapter.persistence;

import dev.baton.core.engine.SimulationStore;
import dev.baton.core.simulation.SimulationReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Simulations in PostgreSQL, their reports as JSON; the next one is claimed with FOR UPDATE SKIP LOCKED, so that two
 * workers never take the same.
 */
public final class JdbcSimulationStore implements SimulationStore {

    private static final String SELECT = "select id, agreement_version, source, active_version, period_from,"
            + " period_to, zone, status, total, done, requested_by, requested_at, finished_at, report, error from simulation";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcSimulationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public long add(
            Optional<Integer> version,
            String source,
            int activeVersion,
            Instant from,
            Instant to,
            ZoneId zone,
            String requestedBy,
            Instant at) {
        return jdbc.sql("""
                        insert into simulation (agreement_version, source, active_version, period_from, period_to,
                                                zone, status, requested_by, requested_at)
                        values (:version, :source, :active, :from, :to, :zone, 'QUEUED', :by, :at)
                        returning id
                        """)
                .param("version", version.orElse(null))
                .param("source", source)
                .param("active", activeVersion)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("zone", zone.getId())
                .param("by", requestedBy)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Job> claim(Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        update simulation set status = 'RUNNING', lease_until = :until, done = 0
                         where id = (select id from simulation
                                      where status = 'QUEUED' or (status = 'RUNNING' and lease_until < :now)
                                      order by id limit 1 for update skip locked)
                        returning id
                        """)
                .param("until", Timestamp.from(leaseUntil))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    @Override
    public void progress(long id, long total, long done, Instant leaseUntil) {
        jdbc.sql("update simulation set total = :total, done = :done, lease_until = :until where id = :id")
                .param("total", total)
                .param("done", done)
                .param("until", Timestamp.from(leaseUntil))
                .param("id", id)
                .update();
    }

    @Override
    public void finish(long id, SimulationReport report, Instant at) {
        jdbc.sql("""
                        update simulation set status = 'DONE', done = total, report = :report::jsonb,
                                              finished_at = :at, lease_until = null
                         where id = :id
                        """)
                .param("report", json.writeValueAsString(report))
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    @Override
    public void fail(long id, String error, Instant at) {
        jdbc.sql("update simulation set status = 'FAILED', error = :error, finished_at = :at, lease_until = null"
                        + " where id = :id")
                .param("error", error)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    @Override
    public Optional<Job> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public List<Job> ofVersion(int version) {
        return jdbc.sql(SELECT + " where agreement_version = :version order by id desc")
                .param("version", version)
                .query(this::map)
                .list();
    }

    private Job map(ResultSet row, int n) throws SQLException {
        String report = row.getString("report");
        return new Job(
                row.getLong("id"),
                Optional.ofNullable((Integer) row.getObject("agreement_version")),
                row.getString("source"),
                row.getInt("active_version"),
                row.getTimestamp("period_from").toInstant(),
                row.getTimestamp("period_to").toInstant(),
                ZoneId.of(row.getString("zone")),
                Job.Status.valueOf(row.getString("status")),
                row.getLong("total"),
                row.getLong("done"),
                row.getString("requested_by"),
                row.getTimestamp("requested_at").toInstant(),
                Optional.ofNullable(row.getTimestamp("finished_at")).map(Timestamp::toInstant),
                Optional.ofNullable(report).map(text -> json.readValue(text, SimulationReport.class)),
                Optional.ofNullable(row.getString("error")));
    }
}
