package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The teams page's forms: the roster changes the API makes, by those the API lets make them, audited as coming from
 * the web; refused with 403, or with a message naming the field, and then nothing changes.
 */
// every page test signs in from the same address: the per-address throttle is SignInTest's to show
@org.springframework.test.context.TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class TeamPageTest extends LeadScenarios {

    private static final String PASSWORD = "a long enough password";
    private static final String ALEX = "alex.kim@northwind.example";
    private static final String PRIYA = "priya.shah@northwind.example";
    private static final String TOM = "tom.berg@northwind.example";
    private static final String SOFIA = "sofia.rossi@northwind.example";
    private static final String LUKAS = "lukas.maier@northwind.example";
    private static final String MANAGER = "jordan.lee@northwind.example";

    /** Someone signed in with this role, their first password changed, on the teams page. */
    private WebSession signedIn(String email, String role) {
        Response added = postJson(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + PASSWORD + "x\"}");
        var web = new WebSession(port);
        if (added.status() == 409) {
            web.signIn(email, PASSWORD);
        } else {
            web.signIn(email, PASSWORD + "x");
            web.get("/account/password");
            web.post("/account/password", Map.of("current", PASSWORD + "x", "password", PASSWORD, "repeat", PASSWORD));
        }
        web.get("/team");
        return web;
    }

    /** The rep as the roster API shows them in the team. */
    private JsonNode member(String team, String rep) {
        for (JsonNode each : get("/api/v1/teams").json()) {
            if (each.get("name").asString().equals(team)) {
                for (JsonNode member : each.get("members")) {
                    if (member.get("rep").asString().equals(rep)) {
                        return member;
                    }
                }
            }
        }
        throw new AssertionError(rep + " has no seat in " + team);
    }

    private JsonNode newest(String action) {
        JsonNode entries = get("/api/v1/audit?action=" + action).json().get("entries");
        assertThat(entries).as("an entry for " + action).isNotEmpty();
        return entries.get(0);
    }

    /** How many roster changes the audit trail holds (every rep.* and team.* action). */
    private int audited() {
        return get("/api/v1/audit?action=rep&limit=100").json().get("entries").size()
                + get("/api/v1/audit?action=team&limit=100")
                        .json()
                        .get("entries")
                        .size();
    }

    private static Map<String, String> absence(String rep, String from, String until) {
        return Map.of("rep", rep, "from", from, "until", until, "note", "parental leave", "form", "absence:x");
    }

    @Test
    void revopsRecordsAndRemovesAnAbsenceWhichTheApiAndTheAuditShow() {
        WebSession revops = signedIn("rita@northwind.example", "revops");
        assertThat(revops.get("/team").body()).contains("Record absence", "name=\"_csrf\"");

        WebSession.Page recorded = revops.post("/team/absences", absence(ALEX, "2026-12-01", "2026-12-05"));

        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.location()).isEqualTo("/team");
        String page = revops.get("/team").body();
        // the days begin at midnight where alex works, New York
        assertThat(page)
                .contains("Recorded an absence for " + ALEX)
                .contains("2026-12-01T05:00:00Z to 2026-12-05T05:00:00Z", "parental leave");
        JsonNode absences = member("na-mid-market", ALEX).get("absences");
        assertThat(absences).hasSize(1);
        assertThat(absences.at("/0/from").asString()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(absences.at("/0/note").asString()).isEqualTo("parental leave");
        JsonNode added = newest("rep.absence_added");
        assertThat(added.get("actor").asString()).isEqualTo("rita@northwind.example");
        assertThat(added.get("source").asString()).isEqualTo("web");
        assertThat(added.get("subject").asString()).isEqualTo("rep/" + ALEX);
        assertThat(added.at("/after/absences").asString())
                .startsWith(absences.at("/0/id").asLong() + ": 2026-12-01");

        WebSession.Page removed = revops.post(
                "/team/absences/removal",
                Map.of("rep", ALEX, "id", Long.toString(absences.at("/0/id").asLong())));

        assertThat(removed.status()).isEqualTo(302);
        assertThat(revops.get("/team").body()).contains("Removed the absence of " + ALEX);
        assertThat(member("na-mid-market", ALEX).get("absences")).isEmpty();
        JsonNode gone = newest("rep.absence_removed");
        assertThat(gone.get("source").asString()).isEqualTo("web");
        assertThat(gone.at("/after/absences").asString()).isEmpty();
    }

    @Test
    void revopsMakesARepInactiveAndActiveAgain() {
        WebSession revops = signedIn("rita@northwind.example", "revops");

        revops.post("/team/availability", Map.of("rep", "tom.berg@northwind.example", "active", "false"));
        assertThat(member("na-mid-market", "tom.berg@northwind.example")
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(newest("rep.availability_changed").get("source").asString()).isEqualTo("web");
        assertThat(revops.get("/team").body()).contains("tom.berg@northwind.example is inactive for routing");

        revops.post("/team/availability", Map.of("rep", "tom.berg@northwind.example", "active", "true"));
        assertThat(member("na-mid-market", "tom.berg@northwind.example")
                        .get("active")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aRepSeesNoFormsAndPostingThemAnywayIsRefusedWith403AndChangesNothing() {
        WebSession rep = signedIn(PRIYA, "rep");
        assertThat(rep.get("/team").body()).doesNotContain("Record absence", "Make inactive", "Seat rep");
        int before = audited();

        WebSession.Page absence = rep.post("/team/absences", absence(SOFIA, "2026-12-01", "2026-12-05"));
        WebSession.Page inactive = rep.post("/team/availability", Map.of("rep", SOFIA, "active", "false"));
        WebSession.Page seat =
                rep.post("/team/seats", Map.of("team", "na-mid-market", "rep", "x@northwind.example", "weight", "1"));

        assertThat(absence.status()).isEqualTo(403);
        assertThat(absence.body()).contains("holds no role that may record absences and availability");
        assertThat(inactive.status()).isEqualTo(403);
        assertThat(seat.status()).isEqualTo(403);
        assertThat(seat.body()).contains("holds no role that may seat and unseat reps");
        assertThat(member("europe", SOFIA).get("absences")).isEmpty();
        assertThat(member("europe", SOFIA).get("active").asBoolean()).isTrue();
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void anAbsenceEndingBeforeItStartsOrOnABadDateIsRefusedNamingTheFieldAndNothingIsStored() {
        WebSession revops = signedIn("rita@northwind.example", "revops");
        int before = audited();

        revops.post("/team/absences", absence(PRIYA, "2026-12-05", "2026-12-01"));
        String backwards = revops.get("/team").body();
        revops.post("/team/absences", absence(PRIYA, "2026-13-40", "2026-12-01"));
        String notADate = revops.get("/team").body();
        revops.post("/team/absences", absence(PRIYA, "2026-12-01", ""));
        String missing = revops.get("/team").body();

        assertThat(backwards).contains("Until (first day back): until must be after from");
        assertThat(notADate).contains("From (first day away): &#39;2026-13-40&#39; is not a date");
        assertThat(missing).contains("Until (first day back): until is required");
        assertThat(member("na-mid-market", PRIYA).get("absences")).isEmpty();
        assertThat(audited()).isEqualTo(before);
    }

    @Test
    void aSalesManagerChangesTheirOwnTeamsRepsOnly() {
        WebSession manager = signedIn(MANAGER, "sales_manager");
        String page = manager.get("/team").body();
        assertThat(page).contains("<option value=\"" + ALEX + "\">").doesNotContain("<option value=\"" + LUKAS + "\">");

        WebSession.Page theirs = manager.post("/team/absences", absence(LUKAS, "2026-12-01", "2026-12-05"));
        WebSession.Page nobody =
                manager.post("/team/absences", absence("nobody@northwind.example", "2026-12-01", "2026-12-05"));
        WebSession.Page mine = manager.post("/team/absences", absence(TOM, "2026-12-01", "2026-12-05"));

        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.body()).contains(LUKAS + " is not in a team " + MANAGER + " manages");
        assertThat(member("europe", LUKAS).get("absences")).isEmpty();
        assertThat(nobody.status()).isEqualTo(403);
        assertThat(mine.status()).isEqualTo(302);
        assertThat(member("na-mid-market", TOM).get("absences")).hasSize(1);
    }

    @Test
    void anUnknownRepIsNamedInTheMessage() {
        WebSession revops = signedIn("rita@northwind.example", "revops");

        WebSession.Page refused =
                revops.post("/team/absences", absence("nobody@northwind.example", "2026-12-01", "2026-12-05"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(revops.get("/team").body()).contains("there is no rep nobody@northwind.example in the roster");
    }

    @Test
    void anAdminSeatsARepWithAWeightAndCapacityAndUnseatsThem() {
        WebSession admin = signedIn("root@northwind.example", "admin");
        String rep = "nia.cole@northwind.example";

        admin.post(
                "/team/seats",
                Map.of(
                        "team",
                        "europe",
                        "rep",
                        rep,
                        "weight",
                        "3",
                        "capacity",
                        "12",
                        "slack",
                        "",
                        "form",
                        "seat:europe"));

        JsonNode seated = member("europe", rep);
        assertThat(seated.get("weight").asInt()).isEqualTo(3);
        assertThat(seated.get("capacity").asInt()).isEqualTo(12);
        assertThat(newest("team.seated").get("source").asString()).isEqualTo("web");
        assertThat(admin.get("/team").body()).contains("Seated " + rep + " in europe");

        admin.post(
                "/team/seats", Map.of("team", "europe", "rep", "b@x.example", "weight", "many", "form", "seat:europe"));
        String refused = admin.get("/team").body();
        assertThat(refused).contains("Weight: weight must be a whole number, not &#39;many&#39;");
        assertThat(refused).contains("value=\"b@x.example\"").contains("aria-invalid=\"true\"");

        admin.post("/team/seats/removal", Map.of("team", "europe", "rep", rep));
        assertThat(get("/api/v1/teams").body()).doesNotContain(rep);
        assertThat(newest("team.unseated").get("source").asString()).isEqualTo("web");
    }
}
