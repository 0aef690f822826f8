package dev.baton.adapter.persistence;

import dev.baton.core.calendar.Span;
import dev.baton.core.engine.ClockStore;
import dev.baton.core.sla.Clock;
import dev.baton.core.sla.ClockKind;
import dev.baton.core.sla.ClockState;
import dev.baton.core.sla.LeadClocks;
import dev.baton.core.sla.ResponseTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Service-level clocks in PostgreSQL: a row per clock, and a timer row per lead that the due work claims. */
public final class JdbcClockStore implements ClockStore {

    private final JdbcClient jdbc;

    public JdbcClockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredClocks> find(long leadId) {
        return jdbc.sql("""
                        select agreement_version, cycle, priority, qualified_at, responded_at, owner, touched
                          from sla_timer where lead_id = :lead
                        """)
                .param("lead", leadId)
                .query((row, n) -> new StoredClocks(row.getInt("agreement_version"), timer(row, List.of())))
                .optional()
                .map(timer -> new StoredClocks(timer.agreementVersion(), withClocks(timer.clocks(), clocks(leadId))));
    }

    /** A lead's timer row with the clocks given. */
    private static LeadClocks timer(ResultSet row, List<Clock> clocks) throws SQLException {
        return new LeadClocks(
                row.getInt("cycle"),
                row.getBoolean("priority"),
                instant(row, "qualified_at"),
                instant(row, "responded_at"),
                Optional.ofNullable(row.getString("owner")),
                row.getBoolean("touched"),
                clocks);
    }

    @Override
    public Map<Long, StoredClocks> findAll(Collection<Long> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = leadIds.toArray(Long[]::new);
        var clocks = new HashMap<Long, List<Clock>>();
        jdbc.sql("select * from sla_clock where lead_id = any(:ids) order by lead_id, seq")
                .param("ids", ids)
                .query((row, n) -> {
                    clocks.computeIfAbsent(row.getLong("lead_id"), id -> new ArrayList<>())
                            .add(clock(row));
                    return null;
                })
                .list();
        var found = new HashMap<Long, StoredClocks>();
        jdbc.sql("""
                        select lead_id, agreement_version, cycle, priority, qualified_at, responded_at, owner, touched
                          from sla_timer where lead_id = any(:ids)
                        """)
                .param("ids", ids)
                .query((row, n) -> {
                    long lead = row.getLong("lead_id");
                    found.put(
                            lead,
                            new StoredClocks(
                                    row.getInt("agreement_version"), timer(row, clocks.getOrDefault(lead, List.of()))));
                    return null;
                })
                .list();
        return found;
    }

    private static LeadClocks withClocks(LeadClocks timer, List<Clock> clocks) {
        return new LeadClocks(
                timer.cycle(),
                timer.priority(),
                timer.qualifiedAt(),
                timer.respondedAt(),
                timer.owner(),
                timer.touched(),
                clocks);
    }

    private List<Clock> clocks(long leadId) {
        return jdbc.sql("select * from sla_clock where lead_id = :lead order by seq")
                .param("lead", leadId)
                .query((row, n) -> clock(row))
                .list();
    }

    @Override
    public void save(long leadId, int agreementVersion, LeadClocks clocks) {
        jdbc.sql("""
                        insert into sla_timer (lead_id, agreement_version, cycle, priority, qualified_at, responded_at,
                                               owner, touched, next_due_at)
                        values (:lead, :version, :cycle, :priority, :qualified, :responded, :owner, :touched, :due)
                        on conflict (lead_id) do update
                           set agreement_version = excluded.agreement_version, cycle = excluded.cycle,
                               priority = excluded.priority, qualified_at = excluded.qualified_at,
                               responded_at = excluded.responded_at, owner = excluded.owner,
                               touched = excluded.touched, next_due_at = excluded.next_due_at
                        """)
                .param("lead", leadId)
                .param("version", agreementVersion)
                .param("cycle", clocks.cycle())
                .param("priority", clocks.priority())
                .param("qualified", time(clocks.qualifiedAt()))
                .param("responded", time(clocks.respondedAt()))
                .param("owner", clocks.owner().orElse(null))
                .param("touched", clocks.touched())
                .param("due", clocks.nextDue().map(Timestamp::from).orElse(null))
                .update();
        List<Clock> all = clocks.clocks();
        for (int seq = 0; seq < all.size(); seq++) {
            upsert(leadId, seq, all.get(seq));
        }
        // how the lead's clocks ended, on its funnel rows, in this transaction: what SLA compliance counts (V15)
        jdbc.sql("select funnel_clock_outcomes(:lead)")
                .param("lead", leadId)
                .query()
                .listOfRows();
    }

    private void upsert(long leadId, int seq, Clock clock) {
        jdbc.sql("""
                        insert into sla_clock (lead_id, seq, cycle, kind, rep, span, started_at, deadline, remind_at,
                                               state, met_at, breached_at, stopped_at, reassign_at, reminded,
                                               reassignment_due, attempts, answered, closed)
                        values (:lead, :seq, :cycle, :kind, :rep, :span, :started, :deadline, :remind, :state, :met,
                                :breached, :stopped, :reassign, :reminded, :reassigning, :attempts, :answered, :closed)
                        on conflict (lead_id, seq) do update
                           set state = excluded.state, met_at = excluded.met_at, breached_at = excluded.breached_at,
                               stopped_at = excluded.stopped_at, reassign_at = excluded.reassign_at,
                               reminded = excluded.reminded, reassignment_due = excluded.reassignment_due,
                               attempts = excluded.attempts, answered = excluded.answered, closed = excluded.closed
                        """)
                .param("lead", leadId)
                .param("seq", seq)
                .param("cycle", clock.cycle())
                .param("kind", clock.kind().name())
                .param("rep", clock.rep().orElse(null))
                .param("span", clock.span().toString())
                .param("started", Timestamp.from(clock.startedAt()))
                .param("deadline", Timestamp.from(clock.deadline()))
                .param("remind", time(clock.remindAt()))
                .param("state", clock.state().name())
                .param("met", time(clock.metAt()))
                .param("breached", time(clock.breachedAt()))
                .param("stopped", time(clock.stoppedAt()))
                .param("reassign", time(clock.reassignAt()))
                .param("reminded", clock.progress().reminded())
                .param("reassigning", clock.progress().reassignmentDue())
                .param("attempts", clock.progress().attempts())
                .param("answered", clock.progress().answered())
                .param("closed", clock.progress().closed())
                .update();
    }

    @Override
    public void saveResponse(long leadId, ResponseTime response) {
        jdbc.sql("""
                        insert into lead_response (lead_id, cycle, qualified_at, first_touch_at, rep, wall_seconds,
                                                   business_seconds)
                        values (:lead, :cycle, :qualified, :touched, :rep, :wall, :business)
                        on conflict (lead_id, cycle) do nothing
                        """)
                .param("lead", leadId)
                .param("cycle", response.cycle())
                .param("qualified", Timestamp.from(response.qualifiedAt()))
                .param("touched", Timestamp.from(response.firstTouchAt()))
                .param("rep", response.rep().orElse(null))
                .param("wall", response.wallClock().toSeconds())
                .param("business", response.business().toSeconds())
                .update();
        // and on the cycle's funnel row, where the response-time metrics read it (V15)
        jdbc.sql("""
                        update funnel_cycle f
                           set response_at = r.first_touch_at, response_wall_seconds = r.wall_seconds,
                               response_business_seconds = r.business_seconds
                          from lead_response r
                         where r.lead_id = :lead and r.cycle = :cycle and f.lead_id = r.lead_id and f.cycle = r.cycle
                           and f.response_at is null
                        """).param("lead", leadId).param("cycle", response.cycle()).update();
    }

    @Override
    public List<ResponseTime> responses(long leadId) {
        return jdbc.sql("select * from lead_response where lead_id = :lead order by cycle")
                .param("lead", leadId)
                .query((row, n) -> new ResponseTime(
                        row.getInt("cycle"),
                        row.getTimestamp("qualified_at").toInstant(),
                        row.getTimestamp("first_touch_at").toInstant(),
                        Optional.ofNullable(row.getString("rep")),
                        Duration.ofSeconds(row.getLong("wall_seconds")),
                        Duration.ofSeconds(row.getLong("business_seconds"))))
                .list();
    }

    @Override
    public List<Long> claimDue(Instant now, int limit) {
        // the lead's row is the lock every command takes first; taking it here too keeps one order of locks
        return jdbc.sql("""
                        select l.id from sla_timer t join lead l on l.id = t.lead_id
                         where t.next_due_at <= :now
                         order by t.next_due_at
                         limit :limit
                           for update of l skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    @Override
    public Backlog backlog(Instant now) {
        return jdbc.sql("select count(*), min(next_due_at) from sla_timer where next_due_at <= :now")
                .param("now", Timestamp.from(now))
                .query((row, n) -> new Backlog(
                        row.getLong(1), Optional.ofNullable(row.getTimestamp(2)).map(Timestamp::toInstant)))
                .single();
    }

    private static Clock clock(ResultSet row) throws SQLException {
        return new Clock(
                ClockKind.valueOf(row.getString("kind")),
                row.getInt("cycle"),
                Optional.ofNullable(row.getString("rep")),
                Span.parse(row.getString("span")).orElseThrow(),
                row.getTimestamp("started_at").toInstant(),
                row.getTimestamp("deadline").toInstant(),
                instant(row, "remind_at"),
                ClockState.valueOf(row.getString("state")),
                instant(row, "met_at"),
                instant(row, "breached_at"),
                instant(row, "stopped_at"),
                instant(row, "reassign_at"),
                new Clock.Progress(
                        row.getBoolean("reminded"),
                        row.getBoolean("reassignment_due"),
                        row.getInt("attempts"),
                        row.getBoolean("answered"),
                        row.getBoolean("closed")));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static Timestamp time(Optional<Instant> at) {
        return at.map(Timestamp::from).orElse(null);
    }
}
