package dev.baton.adapter.persistence;

import dev.baton.core.engine.RescoreJobs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rescoring jobs in PostgreSQL; a running job is claimed with FOR UPDATE SKIP LOCKED, one worker at a time. */
public final class JdbcRescoreJobs implements RescoreJobs {

    private static final String SELECT =
            "select id, agreement_version, status, total, done, last_lead_id, started_at, finished_at from rescore_job";

    private final JdbcClient jdbc;

    public JdbcRescoreJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long start(int agreementVersion, Instant at) {
        jdbc.sql("update rescore_job set status = 'CANCELLED', finished_at = :at where status = 'RUNNING'")
                .param("at", Timestamp.from(at))
                .update();
        return jdbc.sql("""
                        insert into rescore_job (agreement_version, status, total, started_at)
                        select :version, 'RUNNING', count(*), :at from lead
                         where stage not in ('WON', 'LOST', 'DISQUALIFIED')
                        returning id
                        """)
                .param("version", agreementVersion)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Job> claimRunning() {
        return jdbc.sql(SELECT + " where status = 'RUNNING' order by id limit 1 for update skip locked")
                .query(this::map)
                .optional();
    }

    @Override
    public void checkpoint(long jobId, long lastLeadId, int processed) {
        jdbc.sql("update rescore_job set last_lead_id = :last, done = done + :processed where id = :id")
                .param("last", lastLeadId)
                .param("processed", processed)
                .param("id", jobId)
                .update();
    }

    @Override
    public void finish(long jobId, Instant at) {
        jdbc.sql("update rescore_job set status = 'DONE', finished_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", jobId)
                .update();
    }

    @Override
    public List<Job> all() {
        return jdbc.sql(SELECT + " order by id").query(this::map).list();
    }

    @Override
    public Optional<Job> find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    private Job map(ResultSet row, int index) throws SQLException {
        Timestamp finished = row.getTimestamp("finished_at");
        return new Job(
                row.getLong("id"),
                row.getInt("agreement_version"),
                Job.Status.valueOf(row.getString("status")),
                row.getLong("total"),
                row.getLong("done"),
                row.getLong("last_lead_id"),
                row.getTimestamp("started_at").toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant));
    }
}
