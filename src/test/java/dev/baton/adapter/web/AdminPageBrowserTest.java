package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.testing.BrowserTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The admin page in a real Chromium: users and roles, API tokens shown once, and who may open it. */
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class AdminPageBrowserTest extends BrowserTest {

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void anAdminAddsAUserWithRolesAndDisablesThem() {
        Page admin = signedIn("root@northwind.example", "admin");
        admin.navigate("/admin");

        admin.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill("new.rep@northwind.example");
        admin.getByLabel("rep", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByLabel("sales_manager").check();
        admin.getByRole(AriaRole.BUTTON, named("Add user")).click();

        PlaywrightAssertions.assertThat(admin.getByRole(AriaRole.STATUS))
                .containsText("Added new.rep@northwind.example");
        Locator row = admin.locator("tr", new Page.LocatorOptions().setHasText("new.rep@northwind.example"));
        PlaywrightAssertions.assertThat(row).containsText("sales_manager, rep");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Disable new.rep@northwind.example"))
                .click();
        PlaywrightAssertions.assertThat(admin.getByRole(AriaRole.STATUS))
                .containsText("Disabled new.rep@northwind.example");
        assertThat(get("/api/v1/users")
                        .json()
                        .valueStream()
                        .filter(u -> u.get("email").asString().equals("new.rep@northwind.example"))
                        .findFirst()
                        .orElseThrow()
                        .get("disabled")
                        .asBoolean())
                .isTrue();
        assertThat(axe(admin)).isEmpty();
    }

    @Test
    void aTokenIsShownOnceWorksAsItsOwnerAndStopsWhenRevoked() {
        Page admin = signedIn("root@northwind.example", "admin");
        postJson("/api/v1/users", "{\"email\":\"forms@northwind.example\",\"roles\":[\"marketing\"]}");
        admin.navigate("/admin");

        admin.getByLabel("What it is for").fill("website forms");
        admin.getByLabel("Acts as (a user's email)").fill("forms@northwind.example");
        admin.getByLabel("ingest").check();
        admin.getByLabel("read", new Page.GetByLabelOptions().setExact(true)).check();
        admin.getByRole(AriaRole.BUTTON, named("Make token")).click();

        String secret = admin.getByLabel("The new token, shown only now").inputValue();
        assertThat(secret).startsWith("baton_");
        Response me = sendWith(secret, HttpRequest.newBuilder(uri("/api/v1/me")).GET());
        assertThat(me.json().get("name").asString()).isEqualTo("forms@northwind.example");
        admin.reload();
        PlaywrightAssertions.assertThat(admin.getByLabel("The new token, shown only now"))
                .hasCount(0);
        assertThat(admin.content()).doesNotContain(secret);

        admin.getByRole(AriaRole.BUTTON, named("Revoke website forms")).first().click();
        PlaywrightAssertions.assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Revoked 'website forms'");
        assertThat(sendWith(secret, HttpRequest.newBuilder(uri("/api/v1/me")).GET())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void everyoneSeesTheTeamsWithTheirRepsLoadAndAbsences() {
        activateExample("saas-north-america-europe.yaml");
        postJson(
                "/api/v1/reps/alex.kim@northwind.example/absences",
                "{\"from\":\"2026-12-01T00:00:00Z\",\"until\":\"2026-12-05T00:00:00Z\"}");
        Page rep = signedIn("priya.shah@northwind.example", "rep");

        rep.navigate("/team");

        Locator team = rep.getByRole(AriaRole.REGION, named("na-mid-market"));
        PlaywrightAssertions.assertThat(team).containsText("jordan.lee@northwind.example");
        PlaywrightAssertions.assertThat(team.locator("tr", new Locator.LocatorOptions().setHasText("alex.kim")))
                .containsText("2026-12-01T00:00:00Z to 2026-12-05T00:00:00Z");
        PlaywrightAssertions.assertThat(rep.getByRole(AriaRole.REGION, named("europe")))
                .isVisible();
        assertThat(axe(rep)).isEmpty();
    }

    @Test
    void aRepIsToldThePageIsNotForTheirRoleAndRevopsSeesOnlyTheDeadLetter() {
        Page rep = signedIn("alex.kim@northwind.example", "rep");
        expectError("status of 403"); // the browser reports the page's 403 as a failed load
        var answer = rep.navigate("/admin");
        assertThat(answer.status()).isEqualTo(403);
        PlaywrightAssertions.assertThat(rep.getByRole(AriaRole.HEADING, named("Not for your role")))
                .isVisible();

        Page revops = signedIn("rita@northwind.example", "revops");
        revops.navigate("/admin");
        PlaywrightAssertions.assertThat(revops.getByRole(AriaRole.HEADING, named("Notification dead letter")))
                .isVisible();
        PlaywrightAssertions.assertThat(revops.getByRole(AriaRole.HEADING, named("Users")))
                .hasCount(0);
        assertThat(axe(revops)).isEmpty();
    }
}
