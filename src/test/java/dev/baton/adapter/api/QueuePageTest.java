package dev.baton.adapter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rep queue, served to signed-in people: whose leads it holds, and the actions it offers. */
// every page test signs in from the same address: the per-address throttle is SignInTest's to show
@org.springframework.test.context.TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class QueuePageTest extends LeadScenarios {

    private static final String PASSWORD = "a long enough password";

    /** Someone signed in with these roles, their first password changed. */
    private WebSession signedIn(String email, String role) {
        Response added = postJson(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + PASSWORD + "x\"}");
        var web = new WebSession(port);
        if (added.status() == 409) { // signed in before in this class, with the password changed then
            web.signIn(email, PASSWORD);
            return web;
        }
        web.signIn(email, PASSWORD + "x");
        web.get("/account/password");
        web.post("/account/password", Map.of("current", PASSWORD + "x", "password", PASSWORD, "repeat", PASSWORD));
        return web;
    }

    private static String teammate(String owner) {
        return owner.equals("tom.berg@northwind.example")
                ? "priya.shah@northwind.example"
                : "tom.berg@northwind.example";
    }

    @Test
    void aRepSeesTheirOwnOpenLeadsAndNotTheirTeammates() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();

        String mine = signedIn(owner, "rep").get("/queue").body();
        String theirs = signedIn(teammate(owner), "rep").get("/queue").body();

        assertThat(mine).contains("id=\"lead-" + id + "\"", "of business time left");
        assertThat(theirs).doesNotContain("id=\"lead-" + id + "\"").contains("No open leads here.");
    }

    @Test
    void theTeamsManagerSeesTheLeadsOfTheTeam() {
        long id = qualifiedLead();

        String page = signedIn("jordan.lee@northwind.example", "sales_manager")
                .get("/queue")
                .body();

        assertThat(page).contains("your team&#39;s", "id=\"lead-" + id + "\"");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedAndOneWithAReasonTakesTheLeadOutOfTheQueue() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        WebSession web = signedIn(owner, "rep");
        String page = web.get("/queue").body();
        assertThat(page).contains("name=\"reasonCode\" required");
        web.header("HX-Request", "true");

        WebSession.Page refused = web.post("/queue/" + id + "/reject", Map.of("reasonCode", "", "note", ""));
        assertThat(refused.body()).contains("a rejection needs a reason code");
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");

        WebSession.Page rejected =
                web.post("/queue/" + id + "/reject", Map.of("reasonCode", "NOT_ICP", "note", "a student"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body()).contains("rejected").doesNotContain("Reject</button>");
        assertThat(lead(id).get("stage").asString()).isNotEqualTo("mql");
        assertThat(web.get("/queue").body()).doesNotContain("id=\"lead-" + id + "\"");
    }

    @Test
    void acceptingAndLoggingAnAttemptUpdateTheRowInPlace() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        WebSession web = signedIn(owner, "rep");
        web.get("/queue");
        web.header("HX-Request", "true");

        WebSession.Page accepted = web.post("/queue/" + id + "/accept", Map.of());
        WebSession.Page touched = web.post("/queue/" + id + "/touch", Map.of("type", "call", "outcome", "voicemail"));

        assertThat(accepted.body()).startsWith("<tr id=\"lead-" + id + "\"").contains("Log attempt");
        assertThat(touched.body()).contains("touch logged");
        assertThat(lead(id).get("stage").asString()).isEqualTo("accepted");
        assertThat(lead(id).get("firstTouchAt").isNull()).isFalse();
    }

    @Test
    void aRepCannotActOnATeammatesLeadFromTheQueueEither() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        WebSession other = signedIn(teammate(owner), "rep");
        other.get("/queue");
        other.header("HX-Request", "true");

        WebSession.Page refused = other.post("/queue/" + id + "/accept", Map.of());

        assertThat(refused.body()).contains("may act only on their own leads");
        assertThat(lead(id).get("stage").asString()).isEqualTo("mql");
    }

    @Test
    void withoutHtmxAnActionIsAPlainFormThatComesBackToTheQueue() {
        long id = qualifiedLead();
        String owner = lead(id).get("owner").asString();
        WebSession web = signedIn(owner, "rep");
        web.get("/queue");

        WebSession.Page accepted = web.post("/queue/" + id + "/accept", Map.of());

        assertThat(accepted.status()).isEqualTo(302);
        assertThat(accepted.location()).isEqualTo("/queue");
        assertThat(lead(id).get("stage").asString()).isEqualTo("accepted");
    }
}
