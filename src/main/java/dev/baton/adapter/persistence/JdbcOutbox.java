package dev.baton.adapter.persistence;

import dev.baton.core.agreement.ChannelKind;
import dev.baton.core.agreement.NoticeKind;
import dev.baton.core.engine.Outbox;
import dev.baton.core.notification.Notice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The outbox in PostgreSQL: due notices are leased with FOR UPDATE SKIP LOCKED, so each goes to one worker. */
public final class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcOutbox(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public void add(List<Notice> notices, Instant at) {
        for (Notice notice : notices) {
            var body = new LinkedHashMap<String, Object>();
            body.put("text", notice.text());
            body.put("fields", notice.fields());
            jdbc.sql("""
                            insert into notification (key, kind, channel, recipient, lead_id, subject, body,
                                                      next_attempt_at, created_at)
                            values (:key, :kind, :channel, :recipient, :lead, :subject, :body, :at, :at)
                            on conflict (key) do nothing
                            """)
                    .param("key", notice.key())
                    .param("kind", notice.kind().name())
                    .param("channel", notice.channel().name())
                    .param("recipient", notice.recipient())
                    .param("lead", notice.leadId().orElse(null))
                    .param("subject", notice.subject())
                    .param("body", json.jsonb(body))
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    @Override
    public List<Entry> lease(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        update notification set lease_until = :until
                         where id in (select id from notification
                                       where state = 'PENDING' and next_attempt_at <= :now
                                         and (lease_until is null or lease_until <= :now)
                                       order by next_attempt_at, id
                                       limit :limit
                                         for update skip locked)
                        returning *
                        """)
                .param("until", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((row, n) -> entry(row))
                .list();
    }

    @Override
    public void delivered(long id, Instant at) {
        jdbc.sql("""
                        update notification set state = 'DELIVERED', delivered_at = :at, attempts = attempts + 1,
                               lease_until = null, last_error = null
                         where id = :id
                        """).param("at", Timestamp.from(at)).param("id", id).update();
    }

    @Override
    public void failed(long id, int attempts, Instant next, String error, boolean dead) {
        jdbc.sql("""
                        update notification set state = :state, attempts = :attempts, next_attempt_at = :next,
                               lease_until = null, last_error = :error
                         where id = :id
                        """)
                .param("state", dead ? "DEAD" : "PENDING")
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("id", id)
                .update();
    }

    @Override
    public List<Entry> list(Optional<State> state, int limit) {
        return jdbc.sql("""
                        select * from notification where (cast(:state as text) is null or state = :state)
                         order by id desc limit :limit
                        """)
                .param("state", state.map(State::name).orElse(null))
                .param("limit", limit)
                .query((row, n) -> entry(row))
                .list();
    }

    @Override
    public Optional<Entry> find(long id) {
        return jdbc.sql("select * from notification where id = :id")
                .param("id", id)
                .query((row, n) -> entry(row))
                .optional();
    }

    @Override
    public boolean retry(long id, Instant now) {
        return jdbc.sql("""
                        update notification set state = 'PENDING', next_attempt_at = :now, lease_until = null
                         where id = :id and state = 'DEAD'
                        """).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    @Override
    public Backlog backlog() {
        return jdbc.sql("select count(*), min(created_at) from notification where state = 'PENDING'")
                .query((row, n) -> new Backlog(
                        row.getLong(1), Optional.ofNullable(row.getTimestamp(2)).map(Timestamp::toInstant)))
                .single();
    }

    @SuppressWarnings("unchecked")
    private Entry entry(ResultSet row) throws SQLException {
        Map<String, Object> body = json.map(row.getString("body"));
        long lead = row.getLong("lead_id");
        Optional<Long> leadId = row.wasNull() ? Optional.empty() : Optional.of(lead);
        var notice = new Notice(
                row.getString("key"),
                NoticeKind.valueOf(row.getString("kind")),
                ChannelKind.valueOf(row.getString("channel")),
                row.getString("recipient"),
                leadId,
                row.getString("subject"),
                String.valueOf(body.getOrDefault("text", "")),
                (Map<String, Object>) body.getOrDefault("fields", Map.of()));
        return new Entry(
                row.getLong("id"),
                notice,
                State.valueOf(row.getString("state")),
                row.getInt("attempts"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("next_attempt_at").toInstant(),
                Optional.ofNullable(row.getString("last_error")),
                Optional.ofNullable(row.getTimestamp("delivered_at")).map(Timestamp::toInstant));
    }
}
