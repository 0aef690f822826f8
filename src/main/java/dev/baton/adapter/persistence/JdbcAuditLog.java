package dev.baton.adapter.persistence;

import dev.baton.core.access.Actor;
import dev.baton.core.access.AuditEntry;
import dev.baton.core.access.AuditLog;
import dev.baton.core.access.Source;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail in PostgreSQL, whose triggers (V19) refuse every update, delete and truncate. */
public final class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcAuditLog(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public void append(
            Instant at,
            Actor actor,
            String action,
            String subject,
            Map<String, String> before,
            Map<String, String> after) {
        jdbc.sql("""
                        insert into audit_entry (at, actor, source, via, action, subject, before, after)
                        values (:at, :actor, :source, :via, :action, :subject, :before, :after)
                        """)
                .param("at", Timestamp.from(at))
                .param("actor", actor.name())
                .param("source", actor.source().word())
                .param("via", actor.via())
                .param("action", action)
                .param("subject", subject)
                .param("before", json.jsonb(before))
                .param("after", json.jsonb(after))
                .update();
    }

    @Override
    public List<AuditEntry> search(AuditEntry.Query query) {
        return jdbc.sql("""
                        select * from audit_entry
                         where (cast(:actor as text) is null or actor = :actor)
                           and (cast(:action as text) is null or action = :action or action like :actionPrefix)
                           and (cast(:subject as text) is null or subject = :subject)
                           and (cast(:source as text) is null or source = :source)
                           and (cast(:since as timestamptz) is null or at >= :since)
                           and (cast(:until as timestamptz) is null or at < :until)
                           and (cast(:before as bigint) is null or id < :before)
                         order by id desc
                         limit :limit
                        """)
                .param(
                        "actor",
                        query.actor().map(a -> a.toLowerCase(Locale.ROOT)).orElse(null))
                .param("action", query.action().orElse(null))
                .param(
                        "actionPrefix",
                        query.action()
                                .map(a -> a.replace("%", "\\%").replace("_", "\\_") + ".%")
                                .orElse(null))
                .param("subject", query.subject().orElse(null))
                .param("source", query.source().map(Source::word).orElse(null))
                .param("since", query.since().map(Timestamp::from).orElse(null))
                .param("until", query.until().map(Timestamp::from).orElse(null))
                .param("before", query.before().orElse(null))
                .param("limit", query.limit())
                .query((row, n) -> new AuditEntry(
                        row.getLong("id"),
                        row.getTimestamp("at").toInstant(),
                        row.getString("actor"),
                        Source.valueOf(row.getString("source").toUpperCase(Locale.ROOT)),
                        row.getString("via"),
                        row.getString("action"),
                        row.getString("subject"),
                        json.textMap(row.getString("before")),
                        json.textMap(row.getString("after"))))
                .list();
    }
}
