package dev.baton.adapter.persistence;

import dev.baton.core.access.Role;
import dev.baton.core.access.User;
import dev.baton.core.access.UserStore;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users in PostgreSQL; roles as a text array of their words. */
public final class JdbcUserStore implements UserStore {

    private final JdbcClient jdbc;

    public JdbcUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public User add(NewUser user, Instant at) {
        return jdbc.sql("""
                        insert into baton_user (email, name, roles, password_hash, must_change_password, created_at)
                        values (:email, :name, :roles, :hash, :mustChange, :at)
                        returning *
                        """)
                .param("email", user.email())
                .param("name", user.name())
                .param("roles", words(user.roles()))
                .param("hash", user.passwordHash().orElse(null))
                .param("mustChange", user.mustChange())
                .param("at", Timestamp.from(at))
                .query((row, n) -> user(row))
                .single();
    }

    @Override
    public Optional<User> find(String email) {
        return jdbc.sql("select * from baton_user where email = :email")
                .param("email", email)
                .query((row, n) -> user(row))
                .optional();
    }

    @Override
    public Optional<User> find(long id) {
        return jdbc.sql("select * from baton_user where id = :id")
                .param("id", id)
                .query((row, n) -> user(row))
                .optional();
    }

    @Override
    public Optional<User> lock(String email) {
        return jdbc.sql("select * from baton_user where email = :email for update")
                .param("email", email)
                .query((row, n) -> user(row))
                .optional();
    }

    @Override
    public List<User> all() {
        return jdbc.sql("select * from baton_user order by email")
                .query((row, n) -> user(row))
                .list();
    }

    @Override
    public boolean any() {
        return jdbc.sql("select exists (select 1 from baton_user)")
                .query(Boolean.class)
                .single();
    }

    @Override
    public Optional<String> passwordHash(long id) {
        return jdbc.sql("select password_hash from baton_user where id = :id and password_hash is not null")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    @Override
    public void setRoles(long id, Set<Role> roles) {
        update("roles = :value", id, words(roles));
    }

    @Override
    public void setName(long id, String name) {
        update("name = :value", id, name);
    }

    @Override
    public void setDisabled(long id, boolean disabled) {
        update("disabled = :value", id, disabled);
    }

    @Override
    public void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("update baton_user set password_hash = :hash, must_change_password = :mustChange where id = :id")
                .param("hash", hash)
                .param("mustChange", mustChange)
                .param("id", id)
                .update();
    }

    @Override
    public void recordFailure(long id, int failures, Optional<Instant> lockedUntil) {
        jdbc.sql("""
                        update baton_user set failed_sign_ins = :failures,
                               locked_until = coalesce(cast(:until as timestamptz), locked_until)
                         where id = :id
                        """)
                .param("failures", failures)
                .param("until", lockedUntil.map(Timestamp::from).orElse(null))
                .param("id", id)
                .update();
    }

    @Override
    public void recordSignIn(long id, Instant at) {
        jdbc.sql("""
                        update baton_user set failed_sign_ins = 0, locked_until = null, last_sign_in = :at
                         where id = :id
                        """).param("at", Timestamp.from(at)).param("id", id).update();
    }

    private void update(String assignment, long id, Object value) {
        jdbc.sql("update baton_user set " + assignment + " where id = :id")
                .param("value", value)
                .param("id", id)
                .update();
    }

    private static String[] words(Set<Role> roles) {
        return roles.stream().sorted().map(Role::word).toArray(String[]::new);
    }

    static Set<Role> roles(Array array) throws SQLException {
        var roles = EnumSet.noneOf(Role.class);
        for (Object word : (Object[]) array.getArray()) {
            Role.of((String) word).ifPresent(roles::add);
        }
        return roles;
    }

    static User user(ResultSet row) throws SQLException {
        return new User(
                row.getLong("id"),
                row.getString("email"),
                row.getString("name"),
                roles(row.getArray("roles")),
                row.getBoolean("disabled"),
                row.getBoolean("must_change_password"),
                row.getInt("failed_sign_ins"),
                instant(row, "locked_until"),
                row.getTimestamp("created_at").toInstant(),
                instant(row, "last_sign_in"));
    }

    static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
