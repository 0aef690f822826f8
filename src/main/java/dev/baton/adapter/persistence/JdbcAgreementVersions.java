package dev.baton.adapter.persistence;

import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.agreement.Approval;
import dev.baton.core.engine.AgreementVersions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Agreement versions and their approvals in PostgreSQL. */
public final class JdbcAgreementVersions implements AgreementVersions {

    private static final String SELECT = """
            select number, name, source, author, created_at, note, status, activated_at, activated_by
              from agreement_version
            """;

    private final JdbcClient jdbc;

    public JdbcAgreementVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int add(String name, String source, String author, Instant at, Optional<String> note) {
        return jdbc.sql("""
                        insert into agreement_version (name, source, source_sha256, author, created_at, note)
                        values (:name, :source, :sha, :author, :at, :note)
                        returning number
                        """)
                .param("name", name)
                .param("source", source)
                .param("sha", sha256(source))
                .param("author", author)
                .param("at", Timestamp.from(at))
                .param("note", note.orElse(null))
                .query(Integer.class)
                .single();
    }

    @Override
    public Optional<AgreementVersion> find(int number) {
        return jdbc.sql(SELECT + " where number = :number")
                .param("number", number)
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<AgreementVersion> lock(int number) {
        return jdbc.sql(SELECT + " where number = :number for update")
                .param("number", number)
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<AgreementVersion> active() {
        return jdbc.sql(SELECT + " where status = 'ACTIVE'").query(this::map).optional();
    }

    @Override
    public Optional<Integer> activeNumber() {
        return jdbc.sql("select number from agreement_version where status = 'ACTIVE'")
                .query(Integer.class)
                .optional();
    }

    @Override
    public List<AgreementVersion> all() {
        return jdbc.sql(SELECT + " order by number").query(this::map).list();
    }

    @Override
    public void approve(int number, Approval approval) {
        jdbc.sql("""
                        insert into agreement_approval (version, side, approver, approved_at, comment)
                        values (:version, :side, :approver, :at, :comment)
                        """)
                .param("version", number)
                .param("side", approval.side().name())
                .param("approver", approval.approver())
                .param("at", Timestamp.from(approval.at()))
                .param("comment", approval.comment().orElse(null))
                .update();
    }

    @Override
    public void activate(int number, String actor, Instant at) {
        // One activation at a time, so that retiring the old version and activating the new one never interleave.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('agreement_version.activate'))")
                .query()
                .singleRow();
        jdbc.sql("update agreement_version set status = 'RETIRED' where status = 'ACTIVE'")
                .update();
        jdbc.sql("""
                        update agreement_version set status = 'ACTIVE', activated_at = :at, activated_by = :actor
                         where number = :number
                        """)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("number", number)
                .update();
    }

    private AgreementVersion map(ResultSet row, int index) throws SQLException {
        int number = row.getInt("number");
        Timestamp activatedAt = row.getTimestamp("activated_at");
        return new AgreementVersion(
                number,
                row.getString("name"),
                row.getString("source"),
                row.getString("author"),
                row.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(row.getString("note")),
                AgreementVersion.Status.valueOf(row.getString("status")),
                approvals(number),
                Optional.ofNullable(activatedAt).map(Timestamp::toInstant),
                Optional.ofNullable(row.getString("activated_by")));
    }

    private List<Approval> approvals(int number) {
        return jdbc.sql("""
                        select side, approver, approved_at, comment from agreement_approval
                         where version = :version order by approved_at, side
                        """)
                .param("version", number)
                .query((row, i) -> new Approval(
                        Approval.Side.valueOf(row.getString("side")),
                        row.getString("approver"),
                        row.getTimestamp("approved_at").toInstant(),
                        Optional.ofNullable(row.getString("comment"))))
                .list();
    }

    private static String sha256(String source) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
