package dev.baton.adapter.csv;

import static dev.baton.adapter.csv.CsvFixtures.row;
import static dev.baton.adapter.csv.CsvFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.core.engine.LeadIntake;
import dev.baton.core.lead.Activity;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.RawEvent;
import dev.baton.core.lifecycle.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RowParsingTest {

    private static final LeadDirectory NO_LEADS = new LeadDirectory() {
        @Override
        public Optional<Long> idOf(Email email) {
            return Optional.empty();
        }

        @Override
        public long create(Email email) {
            throw new UnsupportedOperationException("parsing creates no lead");
        }
    };

    private final LeadRows leads = new LeadRows(input -> {
        throw new UnsupportedOperationException("parsing applies no row");
    });
    private final EventRows events = new EventRows(batch -> List.of());
    private final ActivityRows activities = new ActivityRows(NO_LEADS, (id, activity) -> {});
    private final OpportunityRows opportunities = new OpportunityRows(NO_LEADS, (id, at, cause, command) -> {});
    private final StageChangeRows stageChanges = new StageChangeRows(NO_LEADS, (id, at, cause, command) -> {});

    private static List<Tuple> errors(Row row) {
        return row.errors().stream()
                .map(e -> new Tuple(e.line(), e.column().orElse(0), e.field()))
                .toList();
    }

    @Test
    void leadRowFillsTheApisFieldPaths() {
        Row row = row(LeadRows.COLUMNS, """
                email,first_name,title,company_domain,company_employees,company_annual_revenue,estimated_deal_size,attr_seats
                " Dana@Acme.EXAMPLE ",Dana,VP Marketing,Acme.Example,"1,200",20M,2.5k,40
                """);

        LeadIntake.LeadInput input = leads.parse(row).orElseThrow();

        assertThat(input.email().address()).isEqualTo("dana@acme.example");
        assertThat(input.fields())
                .containsEntry("lead.first_name", "Dana")
                .containsEntry("lead.title", "VP Marketing")
                .containsEntry("company.domain", "acme.example")
                .containsEntry("company.employees", "1200")
                .containsEntry("company.annual_revenue", "20000000")
                .containsEntry("lead.estimated_deal_size", "2500")
                .containsEntry("lead.attributes.seats", "40");
    }

    @Test
    void badLeadRowNamesEveryWrongColumnWithItsLineAndPosition() {
        Row row = rows(LeadRows.COLUMNS, """
                        email,company_employees,company_domain,title
                        dana@acme.example,10,acme.example,ok
                        not-an-email,-5,acme,"%s"
                        """.formatted("x".repeat(1001))).get(1);

        assertThat(leads.parse(row)).isEmpty();
        assertThat(errors(row))
                .containsExactly(
                        new Tuple(3L, 1, "email"),
                        new Tuple(3L, 4, "title"),
                        new Tuple(3L, 2, "company_employees"),
                        new Tuple(3L, 3, "company_domain"));
    }

    @Test
    void leadRowWithoutEmailIsRejected() {
        Row row = row(LeadRows.COLUMNS, "email,title\n,CMO\n");

        assertThat(leads.parse(row)).isEmpty();
        assertThat(row.errors().get(0).message()).isEqualTo("email is required: the lead's email address");
    }

    @Test
    void eventRowCarriesItsSubjectTimeAndProperties() {
        Row row = row(EventRows.COLUMNS, """
                event_id,visitor_id,email,type,occurred_at,prop_url,prop_form
                e-1,v-9,ana@initech.example,page_view,2026-11-20T14:00:00+01:00,/pricing,
                """);

        RawEvent event = events.parse(row).orElseThrow();

        assertThat(event.visitorId()).contains("v-9");
        assertThat(event.email().map(Email::address)).contains("ana@initech.example");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-20T13:00:00Z"));
        assertThat(event.properties()).containsExactly(java.util.Map.entry("url", "/pricing"));
    }

    @Test
    void eventRowNeedsASubjectAWellFormedTypeAndAPastTime() {
        Row row = row(EventRows.COLUMNS, """
                event_id,lead_id,type,occurred_at
                e-1,,Page View,2026-11-21T15:00:00Z
                """);

        assertThat(events.parse(row)).isEmpty();
        assertThat(row.errors())
                .extracting(ImportReport.RowError::field)
                .containsExactlyInAnyOrder("type", "occurred_at", "lead_id");
        assertThat(row.errors().stream().filter(e -> e.field().equals("occurred_at")))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("is in the future"));
    }

    @Test
    void lineWithMoreOrFewerFieldsThanTheHeaderIsRejected() {
        List<Row> parsed = rows(EventRows.COLUMNS, """
                event_id,visitor_id,type,occurred_at
                e-1,v,page_view,2026-11-20T14:00:00Z,extra
                e-2,v,page_view
                """);

        assertThat(parsed.get(0).errors().get(0).message()).isEqualTo("the line has 5 fields where the header has 4");
        assertThat(parsed.get(0).errors().get(0).column()).contains(5);
        assertThat(parsed.get(1).errors().get(0).column()).contains(4);
    }

    @Test
    void cellWithANulCharacterIsRejected() {
        Row row = row(LeadRows.COLUMNS, "email,title\nana@initech.example,VP\u0000\n");

        assertThat(leads.parse(row)).isEmpty();
        assertThat(errors(row)).containsExactly(new Tuple(2L, 2, "title"));
    }

    @Test
    void activityRowNeedsAKnownType() {
        Row good = row(ActivityRows.COLUMNS, "lead_id,type,at,rep\n7,Call,2026-11-20T10:00:00Z,alex\n");
        Row bad = row(ActivityRows.COLUMNS, "lead_id,type,at,rep\n7,fax,2026-11-20T10:00:00Z,alex\n");

        assertThat(activities.parse(good).orElseThrow().activity().type()).isEqualTo(Activity.Type.CALL);
        assertThat(activities.parse(bad)).isEmpty();
        assertThat(errors(bad)).containsExactly(new Tuple(2L, 2, "type"));
    }

    @Test
    void wonOpportunityNeedsItsCloseTimeAfterItsOpening() {
        List<Row> parsed = rows(OpportunityRows.COLUMNS, """
                email,amount,currency,expected_close_date,opened_at,status,closed_at
                a@x.example,48000,usd,2027-02-28,2026-10-01T10:00:00Z,won,
                a@x.example,48000,usd,2027-02-28,2026-10-01T10:00:00Z,won,2026-09-01T10:00:00Z
                a@x.example,48000,usd,2027-02-28,2026-10-01T10:00:00Z,won,2026-11-01T10:00:00Z
                """);

        assertThat(opportunities.parse(parsed.get(0))).isEmpty();
        assertThat(parsed.get(0).errors().get(0).message()).isEqualTo("closed_at is required for a won opportunity");
        assertThat(opportunities.parse(parsed.get(1))).isEmpty();
        assertThat(errors(parsed.get(1))).containsExactly(new Tuple(3L, 7, "closed_at"));
        OpportunityRows.Opportunity won = opportunities.parse(parsed.get(2)).orElseThrow();
        assertThat(won.currency()).contains("USD");
        assertThat(won.closedBy()).isEqualTo("import");
    }

    @Test
    void stageChangesOfOneLeadMustComeInTimeOrder() {
        List<Row> parsed = rows(StageChangeRows.COLUMNS, """
                email,stage,at,actor
                a@x.example,mql,2026-01-10T00:00:00Z,marketing
                b@x.example,mql,2026-01-01T00:00:00Z,marketing
                A@X.example,accepted,2026-01-05T00:00:00Z,sam
                a@x.example,accepted,2026-01-11T00:00:00Z,sam
                """);

        List<Optional<StageChangeRows.Change>> changes =
                parsed.stream().map(stageChanges::parse).toList();

        assertThat(changes.get(0)).isPresent();
        assertThat(changes.get(1)).isPresent();
        assertThat(changes.get(2)).isEmpty();
        assertThat(errors(parsed.get(2))).containsExactly(new Tuple(4L, 3, "at"));
        assertThat(parsed.get(2).errors().get(0).message()).contains("before this lead's previous change");
        assertThat(changes.get(3).orElseThrow().stage()).isEqualTo(Stage.ACCEPTED);
    }

    @Test
    void stageMustBeOneTheLifecycleKnows() {
        Row row = row(StageChangeRows.COLUMNS, "lead_id,stage,at\n3,lead,2026-01-10T00:00:00Z\n");

        assertThat(stageChanges.parse(row)).isEmpty();
        assertThat(row.errors().get(0).message())
                .isEqualTo("'lead' is not a stage: one of mql, accepted, sql, opportunity, won, lost, nurture,"
                        + " recycled, disqualified, rejected");
    }
}
