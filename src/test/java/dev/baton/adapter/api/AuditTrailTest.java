package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.adapter.cli.UsersCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of change leaves an audit entry with the actor who made it, the source it came through and the state
 * before and after; and the database refuses to change or remove an entry.
 */
class AuditTrailTest extends LeadScenarios {

    private static final String MANAGER = "jordan.lee@northwind.example";
    private static final String NEW_REP = "nia.cole@northwind.example";

    /** The newest entries of an action (or a family: {@code lead} for every lead action), as an admin sees them. */
    private List<JsonNode> entries(String action) {
        Response found = get("/api/v1/audit?action=" + action);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        var entries = new ArrayList<JsonNode>();
        found.json().get("entries").forEach(entries::add);
        return entries;
    }

    private JsonNode newest(String action) {
        List<JsonNode> entries = entries(action);
        assertThat(entries).as("an entry for " + action).isNotEmpty();
        return entries.get(0);
    }

    @Test
    void draftingSigningAndActivatingAnAgreementAreEachRecordedWithWhoAndThroughWhat() {
        JsonNode drafted = newest("agreement.drafted");
        JsonNode approvals = get("/api/v1/audit?action=agreement.approved&subject=agreement/" + version)
                .json()
                .get("entries");
        JsonNode activated = newest("agreement.activated");

        assertThat(drafted.get("actor").asString()).isEqualTo("bootstrap-admin");
        assertThat(drafted.get("source").asString()).isEqualTo("api");
        assertThat(drafted.get("via").asString()).isEqualTo("BATON_API_TOKEN");
        assertThat(drafted.get("subject").asString()).isEqualTo("agreement/" + version);
        assertThat(approvals).hasSize(2);
        assertThat(approvals.get(0).get("actor").asString()).isEqualTo(SALES_MANAGER);
        assertThat(approvals.get(0).get("source").asString()).isEqualTo("token");
        assertThat(approvals.get(0).at("/after/salesApproval").asString()).isEqualTo(SALES_MANAGER);
        assertThat(approvals.get(0).at("/before/marketingApproval").asString()).isEqualTo(MARKETER);
        assertThat(approvals.get(1).get("actor").asString()).isEqualTo(MARKETER);
        assertThat(activated.at("/before/status").asString()).isEqualTo("draft");
        assertThat(activated.at("/after/status").asString()).isEqualTo("active");
    }

    @Test
    void aLifecycleCommandAndAReassignmentRecordTheStageAndOwnerBeforeAndAfter() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        tokenOf(owner, "rep");
        tokenOf(MANAGER, "sales_manager");

        assertThat(as(owner, "POST", "/api/v1/leads/" + id + "/accept", "{}").status())
                .isEqualTo(200);
        String other = owner.equals("tom.berg@northwind.example")
                ? "priya.shah@northwind.example"
                : "tom.berg@northwind.example";
        Response moved = as(
                MANAGER,
                "POST",
                "/api/v1/leads/" + id + "/reassign",
                "{\"rep\":\"" + other + "\",\"reason\":\"speaks the customer's language\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        JsonNode accepted = newest("lead.accepted");
        assertThat(accepted.get("actor").asString()).isEqualTo(owner);
        assertThat(accepted.get("source").asString()).isEqualTo("token");
        assertThat(accepted.get("subject").asString()).isEqualTo("lead/" + id);
        assertThat(accepted.at("/before/stage").asString()).isEqualTo("mql");
        assertThat(accepted.at("/after/stage").asString()).isEqualTo("accepted");
        JsonNode reassigned = newest("lead.reassigned");
        assertThat(reassigned.get("actor").asString()).isEqualTo(MANAGER);
        assertThat(reassigned.at("/before/owner").asString()).isEqualTo(owner);
        assertThat(reassigned.at("/after/owner").asString()).isEqualTo(other);
        assertThat(get("/api/v1/audit?subject=lead/" + id).json().get("entries").size())
                .isEqualTo(2);
        assertThat(get("/api/v1/audit?action=lead&actor=" + MANAGER)
                        .json()
                        .get("entries")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void usersAndTokensAreRecordedAndATokenNeverAppearsInTheTrail() {
        Response added = postJson("/api/v1/users", "{\"email\":\"ida@acme.example\",\"roles\":[\"revops\"]}");
        long user = added.json().get("id").asLong();
        patch("/api/v1/users/" + user, "{\"roles\":[\"revops\",\"marketing\"]}");
        Response made = postJson(
                "/api/v1/tokens", "{\"name\":\"crm sync\",\"owner\":\"ida@acme.example\",\"scopes\":[\"ingest\"]}");
        String secret = made.json().get("token").asString();
        delete("/api/v1/tokens/" + made.json().at("/details/id").asLong());
        patch("/api/v1/users/" + user, "{\"disabled\":true}");

        assertThat(newest("user.added").at("/after/roles").asString()).isEqualTo("revops");
        JsonNode changed = newest("user.changed");
        assertThat(changed.at("/before/roles").asString()).isEqualTo("revops");
        assertThat(changed.at("/after/roles").asString()).isEqualTo("revops,marketing");
        assertThat(newest("user.disabled").at("/after/disabled").asString()).isEqualTo("true");
        JsonNode created = newest("token.created");
        assertThat(created.at("/after/owner").asString()).isEqualTo("ida@acme.example");
        assertThat(created.at("/after/scopes").asString()).isEqualTo("ingest");
        assertThat(newest("token.revoked").at("/after/revoked").asString()).isEqualTo("true");
        assertThat(get("/api/v1/audit?limit=1000").body()).doesNotContain(secret.substring(19));
    }

    @Test
    void seatsAndAbsencesAreRecordedPerRep() {
        postJson("/api/v1/teams/na-mid-market/members", "{\"rep\":\"" + NEW_REP + "\",\"weight\":1}");
        long absence = postJson(
                        "/api/v1/reps/" + NEW_REP + "/absences",
                        "{\"from\":\"2026-12-01T00:00:00Z\",\"until\":\"2026-12-05T00:00:00Z\"}")
                .json()
                .get("id")
                .asLong();
        delete("/api/v1/reps/" + NEW_REP + "/absences/" + absence);
        delete("/api/v1/teams/na-mid-market/members/" + NEW_REP);

        JsonNode seated = newest("team.seated");
        assertThat(seated.get("subject").asString()).isEqualTo("team/na-mid-market");
        assertThat(seated.get("before").has("seat.na-mid-market")).isFalse();
        assertThat(seated.at("/after/seat.na-mid-market").asString()).isEqualTo("weight 1");
        JsonNode added = newest("rep.absence_added");
        assertThat(added.get("subject").asString()).isEqualTo("rep/" + NEW_REP);
        assertThat(added.at("/after/absences").asString()).startsWith(absence + ": 2026-12-01T00:00:00Z");
        assertThat(newest("rep.absence_removed").at("/after/absences").asString())
                .isEmpty();
        assertThat(newest("team.unseated").get("after").has("seat.na-mid-market"))
                .isFalse();
    }

    @Test
    void aChangeFromTheCommandLineIsRecordedAsComingFromIt() {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = new CommandLine(new UsersCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(
                        "add",
                        "cli.user@acme.example",
                        "--role",
                        "rep",
                        "--url",
                        "http://localhost:" + port,
                        "--token",
                        TOKEN);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("added cli.user@acme.example  rep");
        JsonNode added = newest("user.added");
        assertThat(added.get("subject").asString()).isEqualTo("user/cli.user@acme.example");
        assertThat(added.get("source").asString()).isEqualTo("cli");
        assertThat(added.get("actor").asString()).isEqualTo("bootstrap-admin");
    }

    @Test
    void theFirstAdminIsRecordedAsMadeByBatonItself() {
        JsonNode first = entries("user.added").stream()
                .filter(e -> e.get("source").asString().equals("system"))
                .findFirst()
                .orElseThrow();

        assertThat(first.get("actor").asString()).isEqualTo("baton");
        assertThat(first.get("via").asString()).isEqualTo("first start");
        assertThat(first.at("/after/roles").asString()).isEqualTo("admin");
    }

    @Test
    void erasingAPersonIsRecordedByLeadNeverByEmail() {
        long id = qualifiedLead();
        String email = lead(id).get("email").asString();

        Response erased = postJson("/api/v1/personal-data/erasure", "{\"email\":\"" + email + "\"}");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        JsonNode entry = newest("person.erased");
        assertThat(entry.at("/after/leads").asString()).isEqualTo("lead/" + id);
        assertThat(get("/api/v1/audit?limit=1000").body()).doesNotContain(email);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEntry() {
        assertThat(entries("agreement")).isNotEmpty();

        assertThatThrownBy(() ->
                        jdbc.sql("update audit_entry set actor = 'mallory'").update())
                .hasMessageContaining("the audit trail is append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry").update())
                .hasMessageContaining("the audit trail is append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
                .hasMessageContaining("the audit trail is append-only");
        assertThat(jdbc.sql("select count(*) from audit_entry where actor = 'mallory'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theTrailIsReadInPagesNewestFirstAndOnlyByAdmins() {
        JsonNode first = get("/api/v1/audit?limit=2").json();
        JsonNode second = get("/api/v1/audit?limit=2&cursor="
                        + first.get("next").asString())
                .json();
        tokenOf("rita@northwind.example", "revops");

        assertThat(first.get("entries")).hasSize(2);
        assertThat(first.at("/entries/0/id").asLong())
                .isGreaterThan(first.at("/entries/1/id").asLong());
        assertThat(second.at("/entries/0/id").asLong())
                .isLessThan(first.at("/entries/1/id").asLong());
        assertThat(as("rita@northwind.example", "GET", "/api/v1/audit", null).status())
                .isEqualTo(403);
        assertThat(get("/api/v1/audit?source=smoke-signals").status()).isEqualTo(400);
    }
}
