package dev.baton.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL's sessions did during a phase: the statements that took the most time (pg_stat_statements) and
 * what the sessions serving Baton were doing, sampled ten times a second from pg_stat_activity: on the CPU, waiting
 * for a lock or for the WAL to reach the disk, or idle in a transaction while Baton works.
 */
final class PostgresProfile implements AutoCloseable {

    private static final String WAITS = """
            select backend_type,
                   case when state like 'idle in transaction%' then 'in a transaction, waiting for Baton'
                        else coalesce(wait_event_type || ':' || wait_event, 'running (on a CPU or ready)') end as doing
              from pg_stat_activity
             where pid <> pg_backend_pid() and state is distinct from 'idle'
               and backend_type in ('client backend', 'autovacuum worker', 'walwriter', 'checkpointer')
            """;
    private static final String TOP_STATEMENTS = """
            select calls, round(total_exec_time) as ms, round((total_exec_time / calls)::numeric, 3) as mean_ms,
                   rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query
              from pg_stat_statements order by total_exec_time desc limit 12
            """;

    private final Connection db;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Integer> samples = new TreeMap<>();
    private int ticks;

    /** pg_stat_statements has to be loaded when PostgreSQL starts: this takes effect at the next start. */
    static void loadAtNextStart(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
        }
    }

    /** Profiles through this connection of its own, which it closes when closed. */
    PostgresProfile(Connection db) throws SQLException {
        this.db = db;
        try (Statement statement = db.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
        }
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    synchronized void start() throws SQLException {
        samples.clear();
        ticks = 0;
        try (Statement statement = db.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    private synchronized void sample() {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(WAITS)) {
            ticks++;
            while (rows.next()) {
                String key = rows.getString("backend_type") + ": " + rows.getString("doing");
                samples.merge(key, 1, Integer::sum);
            }
        } catch (SQLException e) {
            // a lost sample is no reason to stop
        }
    }

    /** The phase's profile as text: sessions by what they were doing, then the statements by total time. */
    synchronized String report() throws SQLException {
        var out = new StringBuilder("sessions (average number over " + ticks + " samples, 10 a second)\n");
        samples.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("%8.2f  %s%n", e.getValue() / (double) ticks, e.getKey())));
        out.append("\nstatements by total time\n");
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(TOP_STATEMENTS)) {
            while (rows.next()) {
                out.append(String.format(
                        "%9d calls %9d ms %9s ms/call %10d rows  %s%n",
                        rows.getLong("calls"),
                        rows.getLong("ms"),
                        rows.getString("mean_ms"),
                        rows.getLong("rows"),
                        rows.getString("query")));
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }
}
