package dev.baton.adapter.persistence;

import dev.baton.core.engine.RescoreJobs;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rescoring jobs in PostgreSQL; a reserved chunk is claimed with FOR UPDATE SKIP LOCKED, by one worker at a time. */
public final class JdbcRescoreJobs implements RescoreJobs {

    private static final String SELECT =
            "select id, agreement_version, status, total, done, last_lead_id, end_lead_id, started_at, finished_at"
                    + " from rescore_job";

    private final JdbcClient jdbc;

    public JdbcRescoreJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long start(int agreementVersion, Instant at) {
        jdbc.sql("delete from rescore_chunk where job_id in (select id from rescore_job where status = 'RUNNING')")
                .update();
        jdbc.sql("update rescore_job set status = 'CANCELLED', finished_at = :at where status = 'RUNNING'")
                .param("at", Timestamp.from(at))
                .update();
        return jdbc.sql("""
                        insert into rescore_job (agreement_version, status, total, end_lead_id, started_at)
                        select :version, 'RUNNING', count(*) filter (where stage not in ('WON', 'LOST', 'DISQUALIFIED')),
                               coalesce(max(id), 0), :at
                          from lead
                        returning id
                        """)
                .param("version", agreementVersion)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    @Override
    public Optional<Job> lockRunning() {
        return jdbc.sql(SELECT + " where status = 'RUNNING' order by id limit 1 for update")
                .query(this::map)
                .optional();
    }

    @Override
    public void reserve(long jobId, long firstLeadId, long lastLeadId) {
        jdbc.sql("insert into rescore_chunk (job_id, first_lead_id, last_lead_id) values (:job, :first, :last)")
                .param("job", jobId)
                .param("first", firstLeadId)
                .param("last", lastLeadId)
                .update();
        jdbc.sql("update rescore_job set last_lead_id = :last where id = :id")
                .param("last", lastLeadId)
                .param("id", jobId)
                .update();
    }

    @Override
    public Optional<Chunk> claimChunk() {
        return jdbc.sql("""
                        select c.job_id, j.agreement_version, c.first_lead_id, c.last_lead_id
                          from rescore_chunk c join rescore_job j on j.id = c.job_id
                         where j.status = 'RUNNING'
                         order by c.job_id, c.first_lead_id
                         limit 1 for update of c skip locked
                        """)
                .query((row, i) -> new Chunk(
                        row.getLong("job_id"),
                        row.getInt("agreement_version"),
                        row.getLong("first_lead_id"),
                        row.getLong("last_lead_id")))
                .optional();
    }

    @Override
    public boolean hasChunks(long jobId) {
        return jdbc.sql("select exists (select 1 from rescore_chunk where job_id = :job)")
                .param("job", jobId)
                .query(Boolean.class)
                .single();
    }

    @Override
    public void chunkDone(Chunk chunk, int processed) {
        jdbc.sql("delete from rescore_chunk where job_id = :job and first_lead_id = :first")
                .param("job", chunk.jobId())
                .param("first", chunk.firstLeadId())
                .update();
        jdbc.sql("update rescore_job set done = done + :processed where id = :id")
                .param("processed", processed)
                .param("id", chunk.jobId())
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
                row.getLong("end_lead_id"),
                row.getTimestamp("started_at").toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant));
    }
}
