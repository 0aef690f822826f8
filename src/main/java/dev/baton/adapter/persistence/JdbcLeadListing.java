package dev.baton.adapter.persistence;

import dev.baton.core.engine.LeadListing;
import dev.baton.core.lifecycle.Stage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Lists leads by keyset pages, so that an export of any size reads a page at a time. */
public final class JdbcLeadListing implements LeadListing {

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcLeadListing(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public List<Listed> page(long afterId, int size) {
        return jdbc.sql("""
                        select l.id, l.email, l.stage, l.score, l.owner, l.profile, coalesce(c.profile, '{}') as company_profile,
                               l.created_at, l.qualified_at, l.qualified_with
                          from lead l left join company c on c.id = l.company_id
                         where l.id > :after
                         order by l.id
                         limit :size
                        """)
                .param("after", afterId)
                .param("size", size)
                .query(this::map)
                .list();
    }

    private Listed map(ResultSet row, int index) throws SQLException {
        Timestamp qualifiedAt = row.getTimestamp("qualified_at");
        return new Listed(
                row.getLong("id"),
                row.getString("email"),
                Stage.valueOf(row.getString("stage")),
                Optional.ofNullable((Integer) row.getObject("score")),
                Optional.ofNullable(row.getString("owner")),
                json.textMap(row.getString("profile")),
                json.textMap(row.getString("company_profile")),
                row.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(qualifiedAt).map(Timestamp::toInstant),
                Optional.ofNullable((Integer) row.getObject("qualified_with")));
    }
}
