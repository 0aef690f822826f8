package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.csv.OlistFunnel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ImportApiTest extends LeadScenarios {

    private Response importCsv(String kind, String query, String csv) {
        return post("/api/v1/imports/" + kind + query, "text/csv", csv);
    }

    private boolean exists(String email) {
        return jdbc.sql("select count(*) from lead where email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long idOf(String email) {
        return jdbc.sql("select id from lead where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    @Test
    void leadsAreCreatedOrMergedWithTheirCompanyAndAttributesUnderTheCallersColumnNames() {
        String domain = unique("acme") + ".example";
        long existing = createLead("{\"email\":\"old@" + domain + "\",\"title\":\"Manager\"}");
        String csv = """
                Email Address,First_Name,title,company_name,company_employees,attr_seats
                dana@%1$s,Dana,VP Marketing,Acme,200,40
                old@%1$s,,Director,,,
                "lee@%1$s","Lee, Jr.",CMO,,,
                """.formatted(domain);

        Response imported = importCsv("leads", "?map=Email%20Address:email", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode report = imported.json();
        assertThat(report.get("rows").asLong()).isEqualTo(3);
        assertThat(report.get("applied").asLong()).isEqualTo(3);
        assertThat(report.at("/counts/created").asLong()).isEqualTo(2);
        assertThat(report.at("/counts/updated").asLong()).isEqualTo(1);
        JsonNode dana = lead(idOf("dana@" + domain));
        assertThat(dana.at("/profile/lead.first_name").asString()).isEqualTo("Dana");
        assertThat(dana.at("/profile/lead.attributes.seats").asString()).isEqualTo("40");
        assertThat(dana.at("/company/company.employees").asString()).isEqualTo("200");
        assertThat(lead(existing).at("/profile/lead.title").asString()).isEqualTo("Director");
        assertThat(lead(idOf("lee@" + domain)).at("/profile/lead.first_name").asString())
                .isEqualTo("Lee, Jr.");
    }

    @Test
    void dryRunReportsWhatWouldHappenAndChangesNothing() {
        String domain = unique("dry") + ".example";
        String csv = "email,title\na@%1$s,CEO\nb@%1$s,CFO\n".formatted(domain);

        Response rehearsed = importCsv("leads", "?dryRun=true", csv);

        assertThat(rehearsed.status()).isEqualTo(200);
        assertThat(rehearsed.json().get("dryRun").asBoolean()).isTrue();
        assertThat(rehearsed.json().get("applied").asLong()).isEqualTo(2);
        assertThat(rehearsed.json().at("/counts/created").asLong()).isEqualTo(2);
        assertThat(exists("a@" + domain)).isFalse();
        assertThat(exists("b@" + domain)).isFalse();
    }

    @Test
    void allOrNothingWithOneBadRowAppliesNothingAndNamesItsLineAndColumn() {
        String domain = unique("aon") + ".example";
        String csv = "title,email\nCEO,a@%1$s\nCFO,not-an-email\nCTO,c@%1$s\n".formatted(domain);

        Response refused = importCsv("leads", "", csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(refused.json().get("applied").asLong()).isZero();
        JsonNode error = refused.json().at("/errors/0");
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isEqualTo(2);
        assertThat(error.get("field").asString()).isEqualTo("email");
        assertThat(error.get("message").asString()).isEqualTo("'not-an-email' is not an email");
        assertThat(exists("a@" + domain)).isFalse();
        assertThat(exists("c@" + domain)).isFalse();
    }

    @Test
    void validRowsAppliesTheOthersAndListsTheRejected() {
        String domain = unique("valid") + ".example";
        String csv = "title,email\nCEO,a@%1$s\nCFO,not-an-email\nCTO,c@%1$s\n".formatted(domain);

        Response imported = importCsv("leads", "?mode=valid-rows", csv);

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("applied").asLong()).isEqualTo(2);
        assertThat(imported.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(imported.json().at("/errors/0/line").asLong()).isEqualTo(3);
        assertThat(exists("a@" + domain)).isTrue();
        assertThat(exists("c@" + domain)).isTrue();
    }

    @Test
    void malformedCsvStopsTheImportAtTheLineItBreaks() {
        String domain = unique("broken") + ".example";
        String csv = "email,title\na@%1$s,CEO\nb@%1$s,\"CFO\nc@%1$s,CTO\n".formatted(domain);

        Response partial = importCsv("leads", "?mode=valid-rows", csv);

        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().get("applied").asLong()).isEqualTo(1);
        assertThat(partial.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(partial.json().at("/errors/0/line").asLong()).isEqualTo(3);
        assertThat(partial.json().at("/errors/0/message").asString())
                .startsWith("the file is not valid CSV from here on");
        assertThat(exists("a@" + domain)).isTrue();
        assertThat(exists("c@" + domain)).isFalse();
    }

    @Test
    void missingRequiredColumnIsReportedAtLineOne() {
        Response refused = importCsv("events", "?mode=valid-rows", "event_id,type,visitor_id\ne1,page_view,v1\n");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/line").asLong()).isEqualTo(1);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("occurred_at");
        assertThat(refused.json().get("detail").asString()).isEqualTo("nothing was imported: the header has problems");
    }

    @Test
    void unknownKindIsNotFoundAndUnknownModeIsABadRequest() {
        assertThat(importCsv("deals", "", "email\n").status()).isEqualTo(404);
        Response badMode = importCsv("leads", "?mode=some", "email\n");
        assertThat(badMode.status()).isEqualTo(400);
        assertThat(badMode.json().at("/errors/0/field").asString()).isEqualTo("mode");
    }

    @Test
    void reimportedEventsAreDuplicatesAndChangeNothing() {
        String email = unique("ev") + "@events-" + unique("c") + ".example";
        long id = createLead(idealLead(email));
        String csv = """
                event_id,lead_id,email,visitor_id,type,occurred_at,prop_url
                %1$s-1,%2$d,,,page_view,2026-11-20T14:00:00Z,/pricing
                %1$s-2,,%3$s,,webinar_attended,2026-11-20T14:10:00Z,
                %1$s-3,,,%1$s-visitor,page_view,2026-11-20T14:20:00Z,/blog
                """.formatted(unique("e"), id, email);

        Response first = importCsv("events", "", csv);
        long stored = storedEvents();
        List<String> history = timelineTypes(id);
        Response again = importCsv("events", "", csv);

        assertThat(first.json().at("/counts/stored").asLong()).isEqualTo(3);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/counts/stored").asLong()).isZero();
        assertThat(again.json().at("/counts/duplicates").asLong()).isEqualTo(3);
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(timelineTypes(id)).isEqualTo(history);
        assertThat(lead(id).get("stage").asString())
                .as("two signals qualify the ideal lead")
                .isEqualTo("mql");
    }

    @Test
    void validRowsIsolatesARowTheCoreRefusesInsideItsChunk() {
        String visitor = unique("v");
        String prefix = unique("e");
        String csv = "event_id,lead_id,visitor_id,type,occurred_at\n"
                + "%1$s-1,,%2$s,page_view,2026-11-20T14:00:00Z\n%1$s-2,987654321,,page_view,2026-11-20T14:00:00Z\n"
                        .formatted(prefix, visitor)
                + "%1$s-3,,%2$s,page_view,2026-11-20T14:00:00Z\n".formatted(prefix, visitor);
        long before = storedEvents();

        Response imported = importCsv("events", "?mode=valid-rows", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().at("/counts/stored").asLong()).isEqualTo(2);
        JsonNode error = imported.json().at("/errors/0");
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("lead_id");
        assertThat(error.get("column").asInt()).isEqualTo(2);
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void activitiesAreLoggedAndSetTheFirstTouch() {
        long id = qualifiedLead();
        String csv = """
                lead_id,type,at,rep,outcome,notes
                %1$d,call,2026-11-20T14:30:00Z,alex,voicemail,
                %1$d,EMAIL,2026-11-20T14:20:00Z,alex,,"intro, with deck"
                """.formatted(id);

        Response imported = importCsv("activities", "", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().at("/counts/logged").asLong()).isEqualTo(2);
        assertThat(lead(id).get("firstTouchAt").asString()).isEqualTo("2026-11-20T14:20:00Z");
        assertThat(timelineTypes(id).stream().filter("ActivityLogged"::equals)).hasSize(2);
    }

    @Test
    void columnsBatonDoesNotKnowAreKeptAsAttributesIgnoredOrRefusedOnRequest() {
        String domain = unique("hubspot") + ".example";
        String csv = "Email,Lead Score,Favourite Colour,first_name\n" + "a@" + domain + ",71,teal,Ana\n";

        Response kept = importCsv("leads", "", csv);
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().at("/notes/0").asString())
                .isEqualTo("columns Baton does not know, kept as attributes: 'Lead Score' as attr_lead_score,"
                        + " 'Favourite Colour' as attr_favourite_colour");
        JsonNode lead = lead(idOf("a@" + domain));
        assertThat(lead.at("/profile/lead.attributes.lead_score").asString()).isEqualTo("71");
        assertThat(lead.at("/profile/lead.attributes.favourite_colour").asString())
                .isEqualTo("teal");

        Response ignored = importCsv("leads", "?unknownColumns=ignore", csv.replace("a@", "b@"));
        assertThat(ignored.status()).isEqualTo(200);
        assertThat(ignored.json().at("/notes/0").asString())
                .isEqualTo("columns Baton does not know, read past: 'Lead Score', 'Favourite Colour'");
        assertThat(lead(idOf("b@" + domain))
                        .at("/profile/lead.attributes.lead_score")
                        .isMissingNode())
                .isTrue();
        assertThat(lead(idOf("b@" + domain)).at("/profile/lead.first_name").asString())
                .isEqualTo("Ana");

        Response refused = importCsv("leads", "?unknownColumns=error", csv.replace("a@", "c@"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/line").asInt()).isEqualTo(1);
        assertThat(refused.json().at("/errors/0/column").asInt()).isEqualTo(2);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("Lead Score");
        assertThat(exists("c@" + domain)).isFalse();

        Response bad = importCsv("leads", "?unknownColumns=keep", csv);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("unknownColumns");
    }

    @Test
    void aKindWithoutAttributesReadsPastColumnsItDoesNotKnow() {
        long lead = qualifiedLead();
        String csv = "lead_id,type,at,rep,outcome,Call Notes\n" + lead
                + ",call,2026-11-20T14:50:00Z,alex.kim@northwind.example,no answer,left a voicemail\n";

        Response imported = importCsv("activities", "", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().at("/counts/logged").asLong()).isEqualTo(1);
        assertThat(imported.json().at("/notes/0").asString())
                .startsWith("columns Baton does not know, read past: 'Call Notes'");
    }

    @Test
    void timesWithoutAnOffsetAndBareDatesAreReadInTheAgreementsZoneOrTheOneAskedFor() {
        long inNewYork = qualifiedLead();
        long inBerlin = qualifiedLead();
        long onADay = qualifiedLead();
        clock.set(NOW.plus(Duration.ofDays(2)));
        String csv = "lead_id,type,at,rep,outcome\n" + inNewYork
                + ",call,2026-11-20 10:10,alex.kim@northwind.example,no answer\n";

        assertThat(importCsv("activities", "", csv).status()).isEqualTo(200);
        assertThat(importCsv(
                                "activities",
                                "?zone=Europe/Berlin",
                                csv.replace(inNewYork + ",", inBerlin + ",").replace("10:10", "17:10"))
                        .status())
                .isEqualTo(200);
        assertThat(importCsv(
                                "activities",
                                "",
                                csv.replace(inNewYork + ",", onADay + ",").replace("2026-11-20 10:10", "2026-11-21"))
                        .status())
                .isEqualTo(200);

        assertThat(lead(inNewYork).get("firstTouchAt").asString())
                .as("the example agreement's calendar is New York's")
                .isEqualTo("2026-11-20T15:10:00Z");
        assertThat(lead(inBerlin).get("firstTouchAt").asString()).isEqualTo("2026-11-20T16:10:00Z");
        assertThat(lead(onADay).get("firstTouchAt").asString()).isEqualTo("2026-11-21T05:00:00Z");
        Response badZone = importCsv("activities", "?zone=Mars/Olympus", csv);
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().at("/errors/0/field").asString()).isEqualTo("zone");
    }

    @Test
    void theExportCarriesWhatAnImportIsCheckedBy() throws Exception {
        long won = salesQualifiedLead();
        long plain = createLead("{\"email\":\"x@" + unique("export") + ".example\",\"externalId\":\"crm-7\","
                + "\"attributes\":{\"seats\":\"40\"},\"company\":{\"name\":\"Initech\"}}");
        clock.set(NOW.plus(Duration.ofDays(30)));
        importCsv("opportunities", "", """
                lead_id,amount,currency,expected_close_date,opened_at,opened_by,status,closed_at,closed_by,lost_reason
                %d,48000,usd,2027-02-28,2026-11-21T10:00:00Z,alex,won,2026-12-10T16:00:00Z,,
                """.formatted(won));

        String csv = get("/api/v1/exports/leads").body();

        java.util.List<de.siegmar.fastcsv.reader.CsvRecord> records;
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(csv)) {
            records = reader.stream().toList();
        }
        List<String> header = records.get(0).getFields();
        assertThat(header).startsWith(dev.baton.adapter.csv.LeadCsvExport.COLUMNS.toArray(String[]::new));
        assertThat(header).contains("attr_seats");
        java.util.function.Function<Long, java.util.Map<String, String>> row = id -> records.stream()
                .filter(r -> r.getField(0).equals(Long.toString(id)))
                .map(r -> {
                    var named = new java.util.HashMap<String, String>();
                    for (int i = 0; i < header.size(); i++) {
                        named.put(header.get(i), r.getField(i));
                    }
                    return named;
                })
                .findFirst()
                .orElseThrow();
        JsonNode lead = lead(won);
        assertThat(row.apply(won))
                .containsEntry("stage", "won")
                .containsEntry("team", lead.get("team").asString())
                .containsEntry("owner", lead.get("owner").asString())
                .containsEntry("qualified_at", lead.get("qualifiedAt").asString())
                .containsEntry("opportunity_at", "2026-11-21T10:00:00Z")
                .containsEntry("won_at", "2026-12-10T16:00:00Z")
                .containsEntry("amount", "48000")
                .containsEntry("currency", "USD")
                .containsEntry("lost_at", "");
        assertThat(row.apply(won).get("accepted_at")).isNotEmpty();
        assertThat(row.apply(won).get("sql_at")).isNotEmpty();
        assertThat(row.apply(plain))
                .containsEntry("external_id", "crm-7")
                .containsEntry("attr_seats", "40")
                .containsEntry("company_name", "Initech")
                .containsEntry("stage", "lead")
                .containsEntry("amount", "");
    }

    @Test
    void opportunitiesAreOpenedAndClosedAtTheirOwnTimes() {
        long won = salesQualifiedLead();
        long lost = salesQualifiedLead();
        clock.set(NOW.plus(Duration.ofDays(30)));
        String csv = """
                lead_id,amount,currency,expected_close_date,opened_at,opened_by,status,closed_at,closed_by,lost_reason
                %d,48000,usd,2027-02-28,2026-11-21T10:00:00Z,alex,won,2026-12-10T16:00:00Z,,
                %d,12k,EUR,2027-01-31,2026-11-22T10:00:00Z,priya,lost,2026-12-01T09:00:00Z,sam,price
                """.formatted(won, lost);

        Response imported = importCsv("opportunities", "", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("counts").toString()).isEqualTo("{\"opened\":2,\"won\":1,\"lost\":1}");
        assertThat(lead(won).get("stage").asString()).isEqualTo("won");
        assertThat(lead(lost).get("stage").asString()).isEqualTo("lost");
        JsonNode timeline = get("/api/v1/leads/" + won + "/timeline").json();
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("OpportunityWon");
        assertThat(last.get("at").asString()).isEqualTo("2026-12-10T16:00:00Z");
        assertThat(last.get("actor").asString()).isEqualTo("alex");
    }

    @Test
    void opportunityOnALeadNotYetQualifiedIsRefusedNamingItsStage() {
        long id = qualifiedLead();
        String csv = "lead_id,amount,currency,expected_close_date\n%d,1000,USD,2027-01-31\n".formatted(id);

        Response refused = importCsv("opportunities", "", csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/message").asString())
                .startsWith("a lead in stage mql cannot open-opportunity");
    }

    @Test
    void stageChangesBringAFunnelFromAnotherCrmAndCreateTheLeadsTheyName() {
        String domain = unique("crm") + ".example";
        String csv = """
                email,stage,at,actor,reason_code,source
                won@%1$s,mql,2026-03-01T09:00:00Z,marketing,,hubspot
                won@%1$s,accepted,2026-03-01T11:00:00Z,sam,,hubspot
                won@%1$s,sql,2026-03-05T11:00:00Z,sam,,hubspot
                won@%1$s,opportunity,2026-03-10T11:00:00Z,alex,,hubspot
                won@%1$s,won,2026-04-30T11:00:00Z,alex,,hubspot
                out@%1$s,mql,2026-03-02T09:00:00Z,marketing,,
                out@%1$s,rejected,2026-03-02T10:00:00Z,sam,NOT_ICP,
                """.formatted(domain);

        Response imported = importCsv("stage-changes", "", csv);

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().at("/counts/recorded").asLong()).isEqualTo(7);
        assertThat(imported.json().at("/counts/leads_created").asLong()).isEqualTo(2);
        long won = idOf("won@" + domain);
        assertThat(lead(won).get("stage").asString()).isEqualTo("won");
        assertThat(lead(idOf("out@" + domain)).get("stage").asString())
                .as("NOT_ICP's consequence")
                .isEqualTo("disqualified");
        JsonNode timeline = get("/api/v1/leads/" + won + "/timeline").json();
        JsonNode mql = timeline.valueStream()
                .filter(e -> e.get("type").asString().equals("StageRecorded"))
                .findFirst()
                .orElseThrow();
        assertThat(mql.get("at").asString()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(mql.at("/data/source").asString()).isEqualTo("hubspot");
        assertThat(lead(won).get("qualifiedAt").asString()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(lead(won).get("whyQualified").asString()).isEqualTo("qualified in hubspot by marketing");
        assertThat(lead(won).get("qualifiedWith").isNull()).isTrue();
    }

    @Test
    void importedHistoryNeverMovesALeadsUpdatedAtBackwards() {
        String email = unique("history") + "@" + unique("crm") + ".example";
        long id = createLead("{\"email\":\"" + email + "\"}");
        String before = lead(id).get("updatedAt").asString();

        Response imported =
                importCsv("stage-changes", "", "email,stage,at\n%1$s,mql,2026-03-01T09:00:00Z\n".formatted(email));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
        assertThat(Instant.parse(lead(id).get("updatedAt").asString())).isEqualTo(NOW);
        assertThat(Instant.parse(before)).isEqualTo(NOW);
    }

    @Test
    void aStageChangeThatCannotFollowSaysWhyInTheFilesTerms() {
        String repeated = unique("twice") + "@" + unique("crm") + ".example";
        String skipping = unique("skip") + "@" + unique("crm") + ".example";
        Response imported = importCsv("stage-changes", "?mode=valid-rows", """
                email,stage,at
                %1$s,mql,2026-10-01T09:00:00Z
                %1$s,mql,2026-10-01T09:00:00Z
                %2$s,mql,2026-10-01T09:00:00Z
                %2$s,won,2026-10-02T09:00:00Z
                """.formatted(repeated, skipping));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode errors = imported.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("stage");
        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("the lead is mql already: this row repeats the stage it reached last (a duplicate row, or"
                        + " rows out of time order?)");
        assertThat(errors.get(1).get("line").asInt()).isEqualTo(5);
        assertThat(errors.get(1).get("message").asString())
                .startsWith("the lead is mql at this time, and goes from there to ")
                .contains("accepted", "rejected")
                .endsWith(", not to won");
    }

    @Test
    void anImportedLeadLeftAnOpenMqlIsRoutedAsALiveOneUnlessTheImportIsHistoryOnly() {
        String us = unique("us") + "@" + unique("crm") + ".example";
        String brazil = unique("br") + "@" + unique("crm") + ".example";
        String accepted = unique("taken") + "@" + unique("crm") + ".example";
        String history = unique("old") + "@" + unique("crm") + ".example";
        createLead("{\"email\":\"" + us + "\",\"company\":{\"country\":\"US\"}}");
        createLead("{\"email\":\"" + brazil + "\",\"company\":{\"country\":\"BR\"}}");
        String csv = """
                email,stage,at
                %1$s,mql,2026-10-01T09:00:00Z
                %2$s,mql,2026-10-01T09:00:00Z
                %3$s,mql,2026-10-01T09:00:00Z
                %3$s,accepted,2026-10-01T10:00:00Z
                """.formatted(us, brazil, accepted);

        Response imported = importCsv("stage-changes", "", csv);
        Response historyOnly = importCsv(
                "stage-changes", "?historyOnly=true", "email,stage,at\n" + history + ",mql,2026-10-01T09:00:00Z\n");

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().at("/counts/routed").asLong()).isEqualTo(1);
        assertThat(imported.json().at("/counts/queued").asLong()).isEqualTo(1);
        JsonNode routed = lead(idOf(us));
        assertThat(routed.get("team").asString()).isEqualTo("na-mid-market");
        assertThat(routed.get("owner").isString()).isTrue();
        assertThat(routed.get("assignedAt").asString())
                .as("its clocks start now")
                .isEqualTo(NOW.toString());
        assertThat(timelineTypes(idOf(us))).containsSubsequence("StageRecorded", "LeadRouted");
        assertThat(lead(idOf(brazil)).get("queue").asString()).isEqualTo("unrouted-mqls");
        assertThat(lead(idOf(accepted)).path("owner").isString())
                .as("accepted in the file: not waiting for routing")
                .isFalse();
        assertThat(historyOnly.json().at("/counts/routed").asLong()).isZero();
        JsonNode kept = lead(idOf(history));
        assertThat(kept.get("stage").asString()).isEqualTo("mql");
        assertThat(kept.path("owner").isString() || kept.path("queue").isString())
                .isFalse();
    }

    @Test
    void anImportedRecyclingWaitsOutItsReasonCodesCoolOff() {
        String email = unique("recycled") + "@" + unique("crm") + ".example";
        Response imported = importCsv("stage-changes", "", """
                email,stage,at,reason_code
                %1$s,mql,2026-10-01T09:00:00Z,
                %1$s,accepted,2026-10-01T10:00:00Z,
                %1$s,recycled,2026-10-02T10:00:00Z,NO_BUDGET
                """.formatted(email));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode lead = lead(idOf(email));
        assertThat(lead.get("stage").asString()).isEqualTo("recycled");
        assertThat(lead.get("coolOffUntil").asString()).isEqualTo("2026-12-31T10:00:00Z");
        assertThat(lead.get("sentBackAt").asString()).isEqualTo("2026-10-02T10:00:00Z");
    }

    @Test
    void anImportedLossNeedsAReasonAsTheApiAndTheOpportunitiesImportDo() {
        String email = unique("lost") + "@" + unique("crm") + ".example";
        String history = """
                email,stage,at,lost_reason
                %1$s,mql,2026-03-01T09:00:00Z,
                %1$s,accepted,2026-03-01T10:00:00Z,
                %1$s,sql,2026-03-02T10:00:00Z,
                %1$s,opportunity,2026-03-03T10:00:00Z,
                %1$s,lost,2026-04-03T10:00:00Z,%2$s
                """;

        Response refused = importCsv("stage-changes", "", history.formatted(email, ""));
        Response recorded = importCsv("stage-changes", "", history.formatted(email, "went with a rival"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/line").asLong()).isEqualTo(6);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("lost_reason");
        assertThat(refused.json().at("/errors/0/message").asString()).isEqualTo("a lost opportunity needs a reason");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        JsonNode lost = get("/api/v1/leads/" + idOf(email) + "/timeline")
                .json()
                .valueStream()
                .filter(e -> e.at("/data/target").asString("").equals("LOST"))
                .findFirst()
                .orElseThrow();
        assertThat(lost.at("/data/reason").asString()).isEqualTo("went with a rival");
    }

    @Test
    void rejectionWithoutReasonCodeIsRefusedThroughCsv() {
        String email = unique("nocode") + "@" + unique("crm") + ".example";
        String csv = """
                email,stage,at,actor,reason_code
                %1$s,mql,2026-03-01T09:00:00Z,marketing,
                %1$s,rejected,2026-03-02T09:00:00Z,sam,
                """.formatted(email);

        Response refused = importCsv("stage-changes", "", csv);
        Response valid = importCsv("stage-changes", "?mode=valid-rows", csv);

        assertThat(refused.status()).isEqualTo(400);
        JsonNode error = refused.json().at("/errors/0");
        assertThat(error.get("line").asLong()).isEqualTo(3);
        assertThat(error.get("field").asString()).isEqualTo("reason_code");
        assertThat(error.get("column").asInt()).isEqualTo(5);
        assertThat(error.get("message").asString()).startsWith("a reason code is required; one of NOT_ICP");
        assertThat(valid.json().get("applied").asLong()).isEqualTo(1);
        assertThat(valid.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(lead(idOf(email)).get("stage").asString()).isEqualTo("mql");
        assertThat(timelineTypes(idOf(email))).doesNotContain("LeadRejected", "LeadDisqualified");
    }

    @Test
    void disqualificationWithAnUnknownReasonCodeIsRefusedToo() {
        String email = unique("bad") + "@" + unique("crm") + ".example";
        String csv = "email,stage,at,reason_code\n%1$s,disqualified,2026-03-01T09:00:00Z,MAYBE\n".formatted(email);

        Response refused = importCsv("stage-changes", "?dryRun=true", csv);

        assertThat(refused.status()).as("a dry run answers with its report").isEqualTo(200);
        assertThat(refused.json().get("refused").asBoolean()).isTrue();
        assertThat(refused.json().at("/errors/0/message").asString())
                .startsWith("'MAYBE' is not a reason code of the agreement");
        assertThat(exists(email)).isFalse();
    }

    @Test
    void olistSampleConvertedImportsIntoTheFunnel(@TempDir Path out) throws Exception {
        OlistFunnel.convert(Path.of("src/test/resources/olist-sample"), out);

        Response leads = importCsv("leads", "", Files.readString(out.resolve(OlistFunnel.LEADS_OUT)));
        Response changes = importCsv("stage-changes", "", Files.readString(out.resolve(OlistFunnel.STAGES_OUT)));

        assertThat(leads.status()).as(leads.body()).isEqualTo(200);
        assertThat(changes.status()).as(changes.body()).isEqualTo(200);
        assertThat(changes.json().at("/counts/recorded").asLong()).isEqualTo(12);
        assertThat(changes.json().at("/counts/leads_created").asLong()).isZero();
        JsonNode won = lead(idOf("contact@a1000000000000000000000000000001.olist.example"));
        JsonNode blank = lead(idOf("contact@a1000000000000000000000000000002.olist.example"));
        JsonNode unknown = lead(idOf("contact@a1000000000000000000000000000003.olist.example"));
        assertThat(won.get("stage").asString()).isEqualTo("won");
        assertThat(unknown.get("stage").asString()).isEqualTo("won");
        assertThat(blank.get("stage").asString()).isEqualTo("mql");
        assertThat(won.at("/profile/lead.attributes.business_segment").asString())
                .isEqualTo("pet");
        assertThat(unknown.at("/profile/lead.source").asString()).isEqualTo("unknown");
        assertThat(blank.at("/profile/lead.source").isMissingNode()).isTrue();
    }

    private long salesQualifiedLead() {
        long id = qualifiedLead();
        assertThat(postJson("/api/v1/leads/" + id + "/accept", "{}").status()).isEqualTo(200);
        assertThat(postJson(
                                "/api/v1/leads/" + id + "/qualify",
                                "{\"bant\":{\"budget\":\"b\",\"authority\":\"a\",\"need\":\"n\","
                                        + "\"timeline\":\"t\"}}")
                        .status())
                .isEqualTo(200);
        return id;
    }
}
