package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Companies that stay true: a free-mail lead's own company, and which name wins when a domain's leads disagree. */
class CompanyFactsTest extends LeadScenarios {

    private long companyOf(long lead) {
        return jdbc.sql("select company_id from lead where id = :id")
                .param("id", lead)
                .query(Long.class)
                .single();
    }

    private Response upsert(String email, String companyName) {
        Response sent = postJson(
                "/api/v1/leads", "{\"email\":\"" + email + "\",\"company\":{\"name\":\"" + companyName + "\"}}");
        assertThat(sent.status()).as(sent.body()).isIn(200, 201);
        return sent;
    }

    private static List<String> notes(Response response) {
        var notes = new ArrayList<String>();
        response.json().path("notes").forEach(note -> notes.add(note.asString()));
        return notes;
    }

    @Test
    void aFreeMailLeadWithCompanyFactsKeepsThemAsItsOwnCompanyAndIsToldSo() {
        String solo = unique("solo") + "@gmail.com";
        Response created = postJson(
                "/api/v1/leads",
                "{\"email\":\"" + solo + "\",\"company\":{\"name\":\"Solo Consulting\",\"employees\":3}}");
        long other = createLead("{\"email\":\"" + unique("duo") + "@gmail.com\",\"company\":{\"name\":\"Duo Ltd\"}}");
        long plain = createLead("{\"email\":\"" + unique("plain") + "@gmail.com\",\"title\":\"Founder\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(notes(created)).singleElement().asString().contains("gmail.com is a free-mail domain");
        long lead = created.json().get("id").asLong();
        assertThat(lead(lead).at("/company/company.name").asString()).isEqualTo("Solo Consulting");
        assertThat(lead(lead).at("/company/company.employees").asString()).isEqualTo("3");
        assertThat(companyOf(lead)).as("each its own company").isNotEqualTo(companyOf(other));
        JsonNode company = get("/api/v1/companies/" + companyOf(lead)).json();
        assertThat(company.get("domain").isNull()).isTrue();
        assertThat(company.get("leads").asLong()).isEqualTo(1);
        assertThat(lead(plain).get("company").isEmpty())
                .as("no facts, no company")
                .isTrue();

        Response again = upsert(solo, "Solo Consulting GmbH");
        assertThat(again.status()).isEqualTo(200);
        assertThat(companyOf(lead))
                .as("the same own company, updated")
                .isEqualTo(company.get("id").asLong());
        assertThat(lead(lead).at("/company/company.name").asString()).isEqualTo("Solo Consulting GmbH");
        assertThat(notes(again)).isEmpty();
    }

    @Test
    void theNameMostLeadsReportWinsATieKeepsTheCurrentOneAndEveryChangeIsInTheHistory() {
        String domain = unique("acme") + ".example";
        long first = createLead("{\"email\":\"a@" + domain + "\",\"company\":{\"name\":\"Acme\"}}");
        long company = companyOf(first);

        Response second = upsert("b@" + domain, "Acme Corp");
        assertThat(lead(first).at("/company/company.name").asString())
                .as("one lead each: the name the company has stays")
                .isEqualTo("Acme");
        assertThat(notes(second)).singleElement().asString().startsWith("company.name: the company keeps 'Acme'");

        Response third = upsert("c@" + domain, "Acme Corp");
        assertThat(notes(third)).isEmpty();
        assertThat(lead(first).at("/company/company.name").asString())
                .as("two of three leads say Acme Corp")
                .isEqualTo("Acme Corp");

        Response firstAgain = upsert("a@" + domain, "Acme");
        assertThat(lead(first).at("/company/company.name").asString())
                .as("the same word from the same lead counts once")
                .isEqualTo("Acme Corp");
        assertThat(notes(firstAgain)).singleElement().asString().contains("reported by 2 of the 3 leads");

        tokenOf("rita@northwind.example", "revops");
        Response pinned =
                as("rita@northwind.example", "PATCH", "/api/v1/companies/" + company, "{\"name\":\"ACME Inc.\"}");
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        assertThat(pinned.json().get("name").asString()).isEqualTo("ACME Inc.");
        upsert("d@" + domain, "Acme Corp");
        upsert("e@" + domain, "Acme Corp");
        assertThat(lead(first).at("/company/company.name").asString())
                .as("a name set on the company wins over its leads")
                .isEqualTo("ACME Inc.");

        JsonNode history = get("/api/v1/companies/" + company + "/history").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("from").isNull()).isTrue();
        assertThat(history.get(0).get("to").asString()).isEqualTo("Acme");
        assertThat(history.get(0).get("lead").asLong()).isEqualTo(first);
        assertThat(history.get(1).get("from").asString()).isEqualTo("Acme");
        assertThat(history.get(1).get("to").asString()).isEqualTo("Acme Corp");
        assertThat(history.get(1).get("why").asString()).isEqualTo("reported by 2 of the 3 leads that give it");
        assertThat(history.get(2).get("to").asString()).isEqualTo("ACME Inc.");
        assertThat(history.get(2).get("actor").asString()).isEqualTo("rita@northwind.example");
        assertThat(history.get(2).get("why").asString()).isEqualTo("set on the company");
        assertThat(history.get(2).get("lead").isNull()).isTrue();
        assertThat(history)
                .allSatisfy(change -> assertThat(change.get("field").asString()).isEqualTo("company.name"));
    }

    @Test
    void aFileOfLeadsDecidesItsCompaniesAsTheApiDoes() {
        String domain = unique("umbrella") + ".example";
        String solo = unique("solo") + "@gmail.com";
        String csv = "email,company_name,company_employees\n"
                + "a@" + domain + ",Umbrella,300\n"
                + "b@" + domain + ",Umbrella Corp,\n"
                + "c@" + domain + ",Umbrella Corp,\n"
                + solo + ",Solo Consulting,3\n";

        Response imported = post("/api/v1/imports/leads", "text/csv", csv);
        Response again = post("/api/v1/imports/leads", "text/csv", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        long first = jdbc.sql("select id from lead where email = :e")
                .param("e", "a@" + domain)
                .query(Long.class)
                .single();
        long company = companyOf(first);
        JsonNode shown = get("/api/v1/companies/" + company).json();
        assertThat(shown.get("name").asString()).isEqualTo("Umbrella Corp");
        assertThat(shown.get("leads").asLong()).isEqualTo(3);
        assertThat(shown.at("/profile/company.employees").asString()).isEqualTo("300");
        JsonNode history = get("/api/v1/companies/" + company + "/history").json();
        assertThat(history)
                .filteredOn(c -> c.get("field").asString().equals("company.name"))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.get("to").asString()).isEqualTo("Umbrella Corp");
                    assertThat(change.get("why").asString()).isEqualTo("reported by 2 of the 3 leads that give it");
                    assertThat(change.get("lead").asLong()).isNotEqualTo(first);
                });
        long own = jdbc.sql("select id from lead where email = :e")
                .param("e", solo)
                .query(Long.class)
                .single();
        assertThat(get("/api/v1/companies/" + companyOf(own))
                        .json()
                        .get("domain")
                        .isNull())
                .isTrue();
        assertThat(lead(own).at("/company/company.name").asString()).isEqualTo("Solo Consulting");
        assertThat(again.json().at("/counts/unchanged").asLong()).isEqualTo(4);
        assertThat(get("/api/v1/companies/" + company + "/history").json().size())
                .isEqualTo(history.size());
    }

    @Test
    void theHistoryCannotBeRewritten() {
        String domain = unique("initech") + ".example";
        long lead = createLead("{\"email\":\"a@" + domain + "\",\"company\":{\"name\":\"Initech\"}}");

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.sql("update company_history set value = 'Other' where company_id = :id")
                        .param("id", companyOf(lead))
                        .update());

        assertThat(refused).hasStackTraceContaining("company history is append-only");
    }

    @Test
    void anUpdateOfACompanyThatIsNotThereOrWithoutFactsIsRefused() {
        long lead = createLead("{\"email\":\"a@" + unique("hooli") + ".example\"}");
        long company = companyOf(lead);

        assertThat(patch("/api/v1/companies/999999999", "{\"name\":\"X\"}").status())
                .isEqualTo(404);
        Response empty = patch("/api/v1/companies/" + company, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asString()).isEqualTo("body");
        Response domain = patch("/api/v1/companies/" + company, "{\"domain\":\"other.example\"}");
        assertThat(domain.status()).isEqualTo(400);
        assertThat(domain.json().at("/errors/0/field").asString()).isEqualTo("domain");
        Response negative = patch("/api/v1/companies/" + company, "{\"employees\":-4}");
        assertThat(negative.json().at("/errors/0/field").asString()).isEqualTo("employees");
        assertThat(get("/api/v1/companies/" + company + "/history").json()).isEmpty();
    }

    @Test
    void aReimportOfUnchangedRowsReportsThemUnchanged() {
        String domain = unique("globex") + ".example";
        String csv = "email,first_name,company_name\na@" + domain + ",Ann,Globex\nb@" + domain + ",Ben,Globex\n";

        Response first = post("/api/v1/imports/leads", "text/csv", csv);
        Response again = post("/api/v1/imports/leads", "text/csv", csv);
        Response changed = post("/api/v1/imports/leads", "text/csv", csv.replace("Ben,Globex", "Benjamin,Globex"));

        assertThat(first.json().at("/counts/created").asLong()).isEqualTo(2);
        assertThat(again.json().at("/counts/unchanged").asLong()).isEqualTo(2);
        assertThat(again.json().at("/counts/updated").asLong()).isZero();
        assertThat(changed.json().at("/counts/updated").asLong()).isEqualTo(1);
        assertThat(changed.json().at("/counts/unchanged").asLong()).isEqualTo(1);
    }
}
