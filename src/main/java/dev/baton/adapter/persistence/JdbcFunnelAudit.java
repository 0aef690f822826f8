package dev.baton.adapter.persistence;

import dev.baton.core.audit.AuditStore;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funnel audit's questions in SQL, over {@code lead}, {@code company} and {@code funnel_cycle}. Each question
 * selects the (lead, cycle) pairs it finds — the cycle null where it is about the lead as a whole — and one query
 * tallies them: how many, the open or won pipeline on their cycles as of the instant, how many qualified without an
 * opportunity, and the first ids. Field paths and reason codes are bound parameters, never part of the SQL.
 */
public final class JdbcFunnelAudit implements AuditStore {

    /** Whether a cycle qualified, and had its opportunity open, by {@code :asOf}. */
    private static final String QUALIFIED = "c.qualified_at <= :asOf";

    /** Reached: a moment that happened by the instant. */
    private static String by(String moment) {
        return "c." + moment + " <= :asOf";
    }

    private static final String TALLY = """
            with found as (%s),
            matched as (
                select f.lead_id, f.cycle, c.qualified_at, c.opportunity_at, c.lost_at, c.amount
                  from found f
                  left join funnel_cycle c on c.lead_id = f.lead_id and (f.cycle is null or c.cycle = f.cycle)),
            per as (
                select lead_id, cycle,
                       coalesce(sum(amount) filter (where opportunity_at <= :asOf
                                                      and not coalesce(lost_at <= :asOf, false)), 0) as pipeline,
                       coalesce(bool_or(qualified_at <= :asOf), false) as qualified,
                       coalesce(bool_or(opportunity_at <= :asOf), false) as opportunity
                  from matched
                 group by lead_id, cycle)
            select count(*) as found,
                   coalesce(sum(pipeline), 0) as pipeline,
                   count(*) filter (where qualified and not opportunity) as without,
                   (select array_agg(lead_id order by lead_id)
                      from (select distinct lead_id from found order by lead_id limit %d) e) as examples
              from per
            """;

    /** A lead's value for a field: its company's, else its own; blank is no value. */
    private static final String VALUE =
            "coalesce(nullif(trim(co.profile->>:field), ''), nullif(trim(l.profile->>:field), ''))";

    /** The lead's email as people mean it: lower case, without a {@code +tag}, Gmail's dots and alias ignored. */
    private static final String NORMALISED_EMAIL = """
            case when split_part(e.address, '@', 2) in ('gmail.com', 'googlemail.com')
                 then replace(split_part(e.address, '@', 1), '.', '') || '@gmail.com'
                 else e.address end
            """;

    /** A company name without case, punctuation, legal forms or repeated spaces. */
    private static final String NORMALISED_NAME = """
            trim(regexp_replace(regexp_replace(regexp_replace(lower(co.profile->>'company.name'), '[^a-z0-9 ]', ' ', 'g'),
                 '\\m(inc|incorporated|llc|ltd|limited|gmbh|corp|corporation|co|company|sa|ag|plc|bv|srl|sas|oy|ab)\\M',
                 ' ', 'g'), ' +', ' ', 'g'))
            """;

    private final JdbcClient jdbc;

    public JdbcFunnelAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Tally missing(String field, Stage stage, Instant asOf) {
        String population = switch (stage) {
            case LEAD -> "l.created_at <= :asOf";
            case MQL -> reached(QUALIFIED);
            case SQL -> reached(by("sql_at"));
            case OPPORTUNITY -> reached(by("opportunity_at"));
        };
        String leads = " from lead l left join company co on co.id = l.company_id where " + population;
        var params = Map.<String, Object>of("field", field);
        return tally(
                "select l.id as lead_id, null::integer as cycle" + leads + " and " + VALUE + " is null",
                "select count(*)" + leads,
                asOf,
                params);
    }

    private static String reached(String moment) {
        return "exists (select 1 from funnel_cycle c where c.lead_id = l.id and " + moment + ")";
    }

    @Override
    public Tally duplicateLeads(Instant asOf) {
        String normalised = """
                select l.id, %s as email
                  from lead l,
                       lateral (select regexp_replace(lower(trim(l.email)), '\\+[^@]*@', '@') as address) e
                 where l.created_at <= :asOf
                """.formatted(NORMALISED_EMAIL);
        return tally(
                "select id as lead_id, null::integer as cycle from (select id, row_number() over (partition by email"
                        + " order by id) as n from (" + normalised + ") s) r where n > 1",
                "select count(*) from lead l where l.created_at <= :asOf",
                asOf,
                Map.of());
    }

    @Override
    public Tally duplicateDomains(Instant asOf) {
        return companies("regexp_replace(lower(trim(co.domain)), '^www\\.', '')", "co.domain is not null", asOf);
    }

    @Override
    public Tally duplicateCompanyNames(Instant asOf) {
        return companies(NORMALISED_NAME, NORMALISED_NAME + " <> ''", asOf);
    }

    /**
     * The companies beyond the first of each group with the same key: counted as companies, their pipeline and
     * examples those of their leads.
     */
    private Tally companies(String key, String where, Instant asOf) {
        String extra = "select id from (select co.id, row_number() over (partition by " + key
                + " order by co.id) as n from company co where co.created_at <= :asOf and " + where + ") r where n > 1";
        long companies = jdbc.sql("select count(*) from (" + extra + ") x")
                .param("asOf", Timestamp.from(asOf))
                .query(Long.class)
                .single();
        long of = jdbc.sql("select count(*) from company co where co.created_at <= :asOf")
                .param("asOf", Timestamp.from(asOf))
                .query(Long.class)
                .single();
        if (companies == 0) {
            return Tally.none(of);
        }
        Tally leads = tally(
                "select l.id as lead_id, null::integer as cycle from lead l where l.company_id in (" + extra + ")",
                of,
                asOf,
                Map.of());
        return new Tally(companies, of, leads.pipeline(), leads.withoutOpportunity(), leads.examples());
    }

    @Override
    public Tally withoutSource(Instant asOf) {
        return cycles(QUALIFIED, "nullif(trim(c.source), '') is null", asOf);
    }

    @Override
    public Tally untouched(Instant asOf) {
        return cycles(
                QUALIFIED, "not coalesce(" + by("first_touch_at") + ", false) and c.first_touch_breached > 0", asOf);
    }

    /** The moments that end a cycle: a touch can no longer come after them. */
    private static final String ENDED = String.join(
            " or ",
            List.of("rejected_at", "disqualified_at", "nurtured_at", "recycled_at", "won_at", "lost_at").stream()
                    .map(JdbcFunnelAudit::by)
                    .toList());

    @Override
    public void unclocked(Instant asOf, java.util.function.Consumer<Unclocked> each) {
        jdbc.sql("""
                        select c.lead_id, c.qualified_at, case when %s then c.first_touch_at end as touched,
                               c.priority, c.rep, coalesce(%s, false) as ended,
                               case when %s and not coalesce(%s, false) then coalesce(c.amount, 0) else 0 end
                                   as pipeline,
                               coalesce(%s, false) as opportunity
                          from funnel_cycle c
                         where %s and c.first_touch_met + c.first_touch_breached = 0
                        """.formatted(
                                by("first_touch_at"),
                                ENDED,
                                by("opportunity_at"),
                                by("lost_at"),
                                by("opportunity_at"),
                                QUALIFIED))
                .param("asOf", Timestamp.from(asOf))
                .query((org.springframework.jdbc.core.RowCallbackHandler) row -> each.accept(new Unclocked(
                        row.getLong("lead_id"),
                        row.getTimestamp("qualified_at").toInstant(),
                        Optional.ofNullable(row.getTimestamp("touched")).map(Timestamp::toInstant),
                        row.getBoolean("priority"),
                        Optional.ofNullable(row.getString("rep")),
                        row.getBoolean("ended"),
                        row.getBigDecimal("pipeline"),
                        row.getBoolean("opportunity"))));
    }

    @Override
    public Tally touchedLate(Instant asOf) {
        return cycles(QUALIFIED + " and " + by("first_touch_at"), "c.first_touch_breached > 0", asOf);
    }

    @Override
    public Tally tooFewAttempts(Instant asOf) {
        return cycles(QUALIFIED + " and c.attempts_met + c.attempts_breached > 0", "c.attempts_breached > 0", asOf);
    }

    @Override
    public Tally skippedSql(Instant asOf, boolean won) {
        return cycles(by(won ? "won_at" : "opportunity_at"), "not coalesce(" + by("sql_at") + ", false)", asOf);
    }

    @Override
    public Tally unattributedWins(Instant asOf) {
        return cycles(by("won_at"), "nullif(trim(c.source), '') is null", asOf);
    }

    @Override
    public Tally qualified(Instant asOf) {
        return cycles(QUALIFIED, "true", asOf);
    }

    /** The reasons given, by the moment each went with. */
    private static final List<String> REASONS = List.of("rejected", "disqualified", "nurtured", "recycled");

    @Override
    public Map<String, Long> reasons(Instant asOf) {
        String given = String.join(
                " union all ",
                REASONS.stream()
                        .map(moment ->
                                "select c.lead_id, c.cycle, c." + moment + "_reason as code from funnel_cycle c where "
                                        + by(moment + "_at") + " and c." + moment + "_reason is not null")
                        .toList());
        var counts = new LinkedHashMap<String, Long>();
        // a rejection whose code disqualifies records the code twice (rejected, then disqualified): one reason given
        jdbc.sql("select code, count(distinct (lead_id, cycle)) as n from (" + given
                        + ") g group by code order by code")
                .param("asOf", Timestamp.from(asOf))
                .query((row, i) -> counts.put(row.getString("code"), row.getLong("n")))
                .list();
        return counts;
    }

    @Override
    public Tally givenReason(String code, Instant asOf) {
        String given = String.join(
                " or ",
                REASONS.stream()
                        .map(moment -> "(" + by(moment + "_at") + " and c." + moment + "_reason = :code)")
                        .toList());
        return tally(
                "select c.lead_id, c.cycle from funnel_cycle c where " + given,
                "select count(*) from funnel_cycle c where " + given,
                asOf,
                Map.of("code", code));
    }

    /** The cycles of the population that the condition finds, over the population. */
    private Tally cycles(String population, String condition, Instant asOf) {
        return tally(
                "select c.lead_id, c.cycle from funnel_cycle c where " + population + " and " + condition,
                "select count(*) from funnel_cycle c where " + population,
                asOf,
                Map.of());
    }

    private Tally tally(String found, String of, Instant asOf, Map<String, Object> params) {
        var all = new LinkedHashMap<String, Object>(params);
        all.put("asOf", Timestamp.from(asOf));
        return tally(found, jdbc.sql(of).params(all).query(Long.class).single(), asOf, params);
    }

    /** The pairs found over a population already counted. */
    private Tally tally(String found, long population, Instant asOf, Map<String, Object> params) {
        var all = new LinkedHashMap<String, Object>(params);
        all.put("asOf", Timestamp.from(asOf));
        return jdbc.sql(TALLY.formatted(found, EXAMPLES))
                .params(all)
                .query((row, i) -> new Tally(
                        row.getLong("found"),
                        population,
                        row.getBigDecimal("pipeline").setScale(0, java.math.RoundingMode.HALF_UP),
                        row.getLong("without"),
                        ids(row.getArray("examples"))))
                .single();
    }

    private static List<Long> ids(Array array) throws java.sql.SQLException {
        if (array == null) {
            return List.of();
        }
        return List.copyOf(Arrays.asList((Long[]) array.getArray()));
    }
}
