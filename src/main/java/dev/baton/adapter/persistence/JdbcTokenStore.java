package dev.baton.adapter.persistence;

import dev.baton.core.access.ApiToken;
import dev.baton.core.access.Scope;
import dev.baton.core.access.TokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API tokens in PostgreSQL, read together with their owner. */
public final class JdbcTokenStore implements TokenStore {

    private static final String SELECT = """
            select t.*, u.email as owner_email, u.id as u_id from api_token t join baton_user u on u.id = t.owner_id
            """;

    private final JdbcClient jdbc;

    public JdbcTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ApiToken add(NewToken token, Instant at) {
        long id = jdbc.sql("""
                        insert into api_token (name, owner_id, scopes, prefix, hash, requests_per_minute, created_at,
                                               created_by, expires_at)
                        values (:name, :owner, :scopes, :prefix, :hash, :rate, :at, :by, :expires)
                        returning id
                        """)
                .param("name", token.name())
                .param("owner", token.ownerId())
                .param(
                        "scopes",
                        token.scopes().stream().sorted().map(Scope::word).toArray(String[]::new))
                .param("prefix", token.prefix())
                .param("hash", token.hash())
                .param(
                        "rate",
                        token.requestsPerMinute().isPresent()
                                ? token.requestsPerMinute().getAsInt()
                                : null)
                .param("at", Timestamp.from(at))
                .param("by", token.createdBy())
                .param("expires", token.expiresAt().map(Timestamp::from).orElse(null))
                .query(Long.class)
                .single();
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Stored> byPrefix(String prefix) {
        return jdbc.sql("""
                        select t.*, u.email as owner_email, u.id as u_id, u.name as u_name, u.roles as u_roles,
                               u.disabled as u_disabled, u.must_change_password as u_must_change,
                               u.failed_sign_ins as u_failed, u.locked_until as u_locked, u.created_at as u_created,
                               u.last_sign_in as u_last
                          from api_token t join baton_user u on u.id = t.owner_id
                         where t.prefix = :prefix
                        """)
                .param("prefix", prefix)
                .query((row, n) -> new Stored(
                        token(row),
                        row.getString("hash"),
                        new dev.baton.core.access.User(
                                row.getLong("u_id"),
                                row.getString("owner_email"),
                                row.getString("u_name"),
                                JdbcUserStore.roles(row.getArray("u_roles")),
                                row.getBoolean("u_disabled"),
                                row.getBoolean("u_must_change"),
                                row.getInt("u_failed"),
                                JdbcUserStore.instant(row, "u_locked"),
                                row.getTimestamp("u_created").toInstant(),
                                JdbcUserStore.instant(row, "u_last"))))
                .optional();
    }

    @Override
    public Optional<ApiToken> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id")
                .param("id", id)
                .query((row, n) -> token(row))
                .optional();
    }

    @Override
    public List<ApiToken> all() {
        return jdbc.sql(SELECT + " order by t.id").query((row, n) -> token(row)).list();
    }

    @Override
    public boolean revoke(long id, Instant at) {
        return jdbc.sql("update api_token set revoked_at = :at where id = :id and revoked_at is null")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                > 0;
    }

    @Override
    public void touch(long id, Instant at) {
        jdbc.sql("update api_token set last_used_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        var scopes = EnumSet.noneOf(Scope.class);
        for (Object word : (Object[]) row.getArray("scopes").getArray()) {
            Scope.of((String) word).ifPresent(scopes::add);
        }
        int rate = row.getInt("requests_per_minute");
        OptionalInt perMinute = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(rate);
        return new ApiToken(
                row.getLong("id"),
                row.getString("name"),
                row.getString("owner_email"),
                scopes,
                row.getString("prefix"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"),
                JdbcUserStore.instant(row, "expires_at"),
                JdbcUserStore.instant(row, "revoked_at"),
                JdbcUserStore.instant(row, "last_used_at"),
                perMinute);
    }
}
