package dev.baton.adapter.persistence;

import dev.baton.core.engine.CompanyDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Reads companies with their lead counts, a keyset page at a time. */
public final class JdbcCompanyDirectory implements CompanyDirectory {

    private static final String SELECT = """
            select c.id, c.domain, c.profile, c.owner, c.created_at, c.updated_at,
                   (select count(*) from lead l where l.company_id = c.id) as leads
              from company c
            """;

    private final JdbcClient jdbc;
    private final Json json;

    public JdbcCompanyDirectory(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
    }

    @Override
    public Page find(Optional<String> domain, Optional<String> text, long afterId, int limit) {
        var where = new ArrayList<String>(List.of("c.id > :after"));
        var params = new LinkedHashMap<String, Object>();
        params.put("after", afterId);
        params.put("size", limit + 1);
        domain.ifPresent(d -> {
            where.add("c.domain = :domain");
            params.put("domain", d);
        });
        text.ifPresent(t -> {
            where.add("(c.domain ilike :text escape '\\' or c.profile->>'company.name' ilike :text escape '\\')");
            params.put("text", "%" + JdbcLeadListing.likeEscaped(t) + "%");
        });
        List<Company> companies = jdbc.sql(
                        SELECT + " where " + String.join(" and ", where) + " order by c.id limit :size")
                .params(params)
                .query(this::map)
                .list();
        if (companies.size() <= limit) {
            return new Page(companies, Optional.empty());
        }
        List<Company> page = companies.subList(0, limit);
        return new Page(page, Optional.of(page.get(page.size() - 1).id()));
    }

    @Override
    public Optional<Company> find(long id) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    private Company map(ResultSet row, int index) throws SQLException {
        return new Company(
                row.getLong("id"),
                Optional.ofNullable(row.getString("domain")),
                json.textMap(row.getString("profile")),
                Optional.ofNullable(row.getString("owner")),
                row.getLong("leads"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
