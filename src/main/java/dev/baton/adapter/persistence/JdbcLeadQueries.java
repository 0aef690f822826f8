package dev.baton.adapter.persistence;

import dev.baton.core.engine.LeadDetails;
import dev.baton.core.engine.LeadQueries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Reads leads with their company, score card and qualification for the API. */
public final class JdbcLeadQueries implements LeadQueries {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcLeadQueries(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public Optional<LeadDetails> details(long id) {
        return jdbc.sql("""
                        select l.*, coalesce(c.profile, '{}') as company_profile
                          from lead l left join company c on c.id = l.company_id where l.id = :id
                        """).param("id", id).query(this::map).optional();
    }

    @Override
    public Optional<Long> idOf(String email) {
        return jdbc.sql("select id from lead where email = :email")
                .param("email", email)
                .query(Long.class)
                .optional();
    }

    @SuppressWarnings("unchecked")
    private LeadDetails map(ResultSet row, int index) throws SQLException {
        String card = row.getString("score_card");
        return new LeadDetails(
                row.getLong("id"),
                row.getString("email"),
                json.textMap(row.getString("profile")),
                json.textMap(row.getString("company_profile")),
                row.getString("stage").toLowerCase(java.util.Locale.ROOT),
                row.getInt("cycle"),
                instant(row, "cool_off_until"),
                Optional.ofNullable((Integer) row.getObject("score")),
                Optional.ofNullable(card).map(json::value),
                Optional.ofNullable((Integer) row.getObject("scored_with")),
                Optional.ofNullable((Integer) row.getObject("qualified_with")),
                instant(row, "qualified_at"),
                Optional.ofNullable(row.getString("why_qualified")),
                (List<String>) json.value(row.getString("priority")),
                instant(row, "first_touch_at"),
                Optional.ofNullable(row.getString("owner")),
                Optional.ofNullable(row.getString("team")),
                Optional.ofNullable(row.getString("queue")),
                instant(row, "assigned_at"),
                Optional.ofNullable(row.getString("routing")).map(json::value),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
