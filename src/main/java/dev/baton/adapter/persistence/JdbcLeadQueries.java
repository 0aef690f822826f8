package dev.baton.adapter.persistence;

import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.LeadDetails;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.StoredLead;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.Facts;
import dev.baton.core.lifecycle.LeadStatus;
import dev.baton.core.lifecycle.Requalification;
import dev.baton.core.lifecycle.Stage;
import dev.baton.core.scoring.Scorer;
import dev.baton.core.scoring.ScoringTrace;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Reads leads with their company, score card and qualification for the API. */
public final class JdbcLeadQueries implements LeadQueries {

    private final JdbcClient jdbc;
    private final Json json;
    private final ActiveAgreement agreements;

    public JdbcLeadQueries(JdbcClient jdbc, JsonMapper mapper, ActiveAgreement agreements) {
        this.jdbc = jdbc;
        this.json = new Json(mapper);
        this.agreements = agreements;
    }

    @Override
    public Optional<LeadDetails> details(long id) {
        return jdbc.sql("""
                        select l.*, coalesce(c.profile, '{}') as company_profile
                          from lead l left join company c on c.id = l.company_id where l.id = :id
                        """).param("id", id).query(this::map).optional();
    }

    @Override
    public List<LeadDetails> details(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select l.*, coalesce(c.profile, '{}') as company_profile
                          from lead l left join company c on c.id = l.company_id where l.id = any(:ids)
                        """)
                .param("ids", ids.toArray(Long[]::new))
                .query(this::map)
                .list();
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
        Map<String, String> profile = json.textMap(row.getString("profile"));
        Map<String, String> companyProfile = json.textMap(row.getString("company_profile"));
        Optional<Object> card = scoreCard(row, profile, companyProfile);
        var status = new LeadStatus(
                Stage.valueOf(row.getString("stage")),
                row.getInt("cycle"),
                instant(row, "cool_off_until"),
                instant(row, "sent_back_at"));
        return new LeadDetails(
                row.getLong("id"),
                row.getString("email"),
                profile,
                companyProfile,
                status.stage().word(),
                status.cycle(),
                status.coolOffUntil(),
                status.sentBackAt(),
                requalification(row, status, profile, companyProfile),
                Optional.ofNullable((Integer) row.getObject("score")),
                card,
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
                row.getTimestamp("updated_at").toInstant(),
                List.of(),
                List.of(),
                List.of(),
                instant(row, "erased_at"));
    }

    /**
     * The score card as it was when the lead was last scored: the scoring version applied to the lead's trace at that
     * instant. Leads scored before traces were kept show the card stored then.
     */
    private Optional<Object> scoreCard(ResultSet row, Map<String, String> profile, Map<String, String> companyProfile)
            throws SQLException {
        Optional<ScoringTrace> trace = ScoringTraceCodec.decode(row.getBytes("score_trace"));
        Integer version = (Integer) row.getObject("scored_with");
        Optional<Instant> at = instant(row, "scored_at");
        if (trace.isPresent() && version != null && at.isPresent()) {
            Scorer scorer = agreements.version(version).scorer();
            if (scorer.traceRules() == trace.get().rules()) {
                Facts facts = StoredLead.factsOf(new Email(row.getString("email")), profile, companyProfile);
                return Optional.of(scorer.score(facts, trace.get(), at.get()));
            }
        }
        return Optional.ofNullable(row.getString("score_card")).map(json::value);
    }

    /**
     * Where a lead in marketing's hands stands toward its next qualification when only engagement after it was sent
     * back (or after its cool-off) counts, judged as it was last scored.
     */
    private Optional<LeadDetails.Requalification> requalification(
            ResultSet row, LeadStatus status, Map<String, String> profile, Map<String, String> companyProfile)
            throws SQLException {
        Optional<Instant> after = status.evidenceAfter();
        Optional<ScoringTrace> trace = ScoringTraceCodec.decode(row.getBytes("score_trace"));
        Integer version = (Integer) row.getObject("scored_with");
        Optional<Instant> at = instant(row, "scored_at");
        if (!status.stage().isMarketingOwned()
                || after.isEmpty()
                || trace.isEmpty()
                || version == null
                || at.isEmpty()) {
            return Optional.empty();
        }
        Scorer scorer = agreements.version(version).scorer();
        if (scorer.traceRules() != trace.get().rules()) {
            return Optional.empty();
        }
        Facts facts = StoredLead.factsOf(new Email(row.getString("email")), profile, companyProfile);
        var again =
                new Requalification(after.get(), scorer.judge(facts, scorer.since(trace.get(), after.get()), at.get()));
        return Optional.of(new LeadDetails.Requalification(after.get(), again.qualifies(), again.explanation()));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
