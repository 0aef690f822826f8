package dev.baton.adapter.csv;

import static dev.baton.adapter.csv.CsvFixtures.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void namesAreCaseInsensitiveAndRenamesMapTheCallersColumns() {
        Header header = header(
                LeadRows.COLUMNS,
                "Email Address,FIRST_NAME, Company_Domain ,attr_Seats\n",
                Map.of("email address", "Email"));

        assertThat(header.problems()).isEmpty();
        assertThat(header.position("email")).contains(0);
        assertThat(header.position("first_name")).contains(1);
        assertThat(header.position("company_domain")).contains(2);
        assertThat(header.freeColumns()).containsExactly(Map.entry("seats", 3));
    }

    @Test
    void unknownColumnIsAnErrorAtLineOneNamingItsPosition() {
        Header header = header(LeadRows.COLUMNS, "email,colour\n", Map.of());

        assertThat(header.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).contains(2);
            assertThat(problem.field()).isEqualTo("colour");
            assertThat(problem.message()).startsWith("unknown column 'colour'").contains("attr_<name>");
        });
    }

    @Test
    void missingRequiredColumnIsReportedAtLineOne() {
        Header header = header(EventRows.COLUMNS, "event_id,type,visitor_id\n", Map.of());

        assertThat(header.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).isEmpty();
            assertThat(problem.field()).isEqualTo("occurred_at");
            assertThat(problem.message()).isEqualTo("the column 'occurred_at' is required");
        });
    }

    @Test
    void oneOfTheLeadColumnsIsRequired() {
        Header header = header(StageChangeRows.COLUMNS, "stage,at,actor\n", Map.of());

        assertThat(header.problems())
                .extracting(ImportReport.RowError::message)
                .containsExactly("one of the columns email, lead_id is required");
    }

    @Test
    void duplicateBlankAndUnusedRenamesAreProblems() {
        Header header = header(LeadRows.COLUMNS, "email,,EMAIL\n", Map.of("E-mail", "email"));

        assertThat(header.problems())
                .extracting(ImportReport.RowError::column, ImportReport.RowError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Optional.of(2), "column 2 has no name"),
                        org.assertj.core.groups.Tuple.tuple(
                                Optional.of(3), "column 'email' appears twice, also as column 1"),
                        org.assertj.core.groups.Tuple.tuple(
                                Optional.empty(), "map names 'e-mail', which is not a column of the file"));
    }

    @Test
    void freeColumnsNeedAName() {
        assertThat(header(LeadRows.COLUMNS, "email,attr_\n", Map.of()).problems())
                .extracting(ImportReport.RowError::field)
                .containsExactly("attr_");
        assertThat(header(LeadRows.COLUMNS, "email,prop_url\n", Map.of()).problems())
                .extracting(ImportReport.RowError::field)
                .containsExactly("prop_url");
    }

    @Test
    void coreFieldNamesMapToColumns() {
        assertThat(EventRows.COLUMNS.columnOf("events[3].occurredAt")).isEqualTo("occurred_at");
        assertThat(StageChangeRows.COLUMNS.columnOf("reasonCode")).isEqualTo("reason_code");
        assertThat(OpportunityRows.COLUMNS.columnOf("lostReason")).isEqualTo("lost_reason");
        assertThat(OpportunityRows.COLUMNS.columnOf("expectedCloseDate")).isEqualTo("expected_close_date");
        assertThat(EventRows.COLUMNS.columnOf("leadId")).isEqualTo("lead_id");
    }
}
