package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.testing.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The agreement page in a real Chromium: a draft with problems shows them at their lines; a marketer and a sales
 * manager sign a draft, each seeing only their own button, and revops activates it; a draft is backtested on history
 * from its page and the report shows before the sign-off.
 */
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class AgreementPageBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    dev.baton.core.engine.Simulations simulations;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void aDraftWithProblemsShowsEachAtItsLineAndIsNotStored() throws Exception {
        Page page = signedIn("rita@northwind.example", "revops");
        page.navigate("/agreement");
        int versions = get("/api/v1/agreements").json().size();
        String broken = Files.readString(Path.of("examples/agreements/it-services-emea.yaml"))
                .replaceFirst("points:", "pointz:");

        page.getByLabel("Agreement file (YAML)").fill(broken);
        page.getByRole(AriaRole.BUTTON, named("Check and store as a draft")).click();

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT)).containsText("nothing was stored");
        var misspelt = page.locator("li.flagged")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("did you mean 'points'?"));
        PlaywrightAssertions.assertThat(misspelt).hasCount(1);
        PlaywrightAssertions.assertThat(misspelt.locator("code")).containsText("pointz:");
        PlaywrightAssertions.assertThat(page.locator("li.flagged")).not().hasCount(0);
        assertThat(get("/api/v1/agreements").json().size()).isEqualTo(versions);
        assertThat(axe(page)).isEmpty();
    }

    @Test
    void aMarketerAndASalesManagerSignADraftAndRevopsActivatesIt() throws Exception {
        Page revops = signedIn("rita@northwind.example", "revops");
        revops.navigate("/agreement");
        revops.getByLabel("Agreement file (YAML)")
                .fill(Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml")));
        revops.getByRole(AriaRole.BUTTON, named("Check and store as a draft")).click();
        PlaywrightAssertions.assertThat(revops.getByRole(AriaRole.STATUS)).containsText("Stored as draft version");
        String version = revops.url();
        int number = Integer.parseInt(version.substring(version.lastIndexOf('/') + 1));
        PlaywrightAssertions.assertThat(revops.getByRole(AriaRole.BUTTON, named("Sign for marketing")))
                .hasCount(0);

        Page marketer = signedIn("mo@northwind.example", "marketing");
        marketer.navigate(version);
        PlaywrightAssertions.assertThat(marketer.getByRole(AriaRole.BUTTON, named("Sign for sales")))
                .hasCount(0);
        marketer.getByRole(AriaRole.BUTTON, named("Sign for marketing")).click();
        PlaywrightAssertions.assertThat(marketer.getByRole(AriaRole.STATUS)).containsText("Signed for marketing");

        Page manager = signedIn("sam@northwind.example", "sales_manager");
        manager.navigate(version);
        PlaywrightAssertions.assertThat(manager.getByRole(AriaRole.BUTTON, named("Sign for marketing")))
                .hasCount(0);
        manager.getByRole(AriaRole.BUTTON, named("Sign for sales")).click();
        PlaywrightAssertions.assertThat(manager.getByRole(AriaRole.STATUS)).containsText("Signed for sales");
        PlaywrightAssertions.assertThat(manager.getByRole(AriaRole.BUTTON, named("Activate this version")))
                .hasCount(0);

        revops.navigate(version);
        revops.getByRole(AriaRole.BUTTON, named("Activate this version")).click();
        PlaywrightAssertions.assertThat(revops.getByRole(AriaRole.STATUS))
                .containsText("Version " + number + " is active");

        var active = get("/api/v1/agreements/active").json();
        assertThat(active.get("number").asInt()).isEqualTo(number);
        assertThat(active.get("approvals")
                        .valueStream()
                        .map(a -> a.get("approver").asString()))
                .containsExactlyInAnyOrder("mo@northwind.example", "sam@northwind.example");
        assertThat(axe(revops)).isEmpty();
    }

    @Test
    void aRepSeesTheVersionsButNoButtonToPress() throws Exception {
        post(
                "/api/v1/agreements",
                "application/yaml",
                Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml")));
        var all = get("/api/v1/agreements").json();
        int number = all.get(all.size() - 1).get("number").asInt();
        Page rep = signedIn("alex.kim@northwind.example", "rep");

        rep.navigate("/agreement");
        PlaywrightAssertions.assertThat(rep.getByRole(AriaRole.BUTTON, named("Check and store as a draft")))
                .hasCount(0);
        rep.navigate("/agreement/" + number);

        PlaywrightAssertions.assertThat(rep.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Version " + number);
        assertThat(rep.getByRole(AriaRole.BUTTON).allTextContents()).containsExactly("Sign out");
    }

    @Test
    void aMarketerBacktestsADraftFromItsPageAndSeesTheReportBeforeTheSignOff() throws Exception {
        String saas = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        if (get("/api/v1/agreements/active").status() != 200) {
            activate(saas, "saas");
        }
        int active = get("/api/v1/agreements/active").json().get("number").asInt();
        java.time.Instant now = clock.instant();
        for (int i = 0; i < 2; i++) {
            String email = unique("sim") + "@sim-" + unique("co") + ".example";
            long id = postJson("/api/v1/leads", """
                            {"email":"%s","title":"VP Marketing","source":"webinar",
                             "company":{"name":"Sim","domain":"%s","employees":200,"annualRevenue":20000000,
                                        "industry":"SaaS","country":"US"}}
                            """.formatted(email, email.substring(email.indexOf('@') + 1)))
                    .json()
                    .get("id")
                    .asLong();
            String first = i == 0 ? "form_submitted" : "content_downloaded";
            String second = i == 0 ? "page_view" : "email_clicked";
            String properties = i == 0 ? "{\"form\":\"demo\",\"url\":\"/pricing\"}" : "{}";
            assertThat(postJson("/api/v1/events", """
                                    {"events":[{"eventId":"%s","leadId":%d,"type":"%s","occurredAt":"%s","properties":%s},
                                               {"eventId":"%s","leadId":%d,"type":"%s","occurredAt":"%s","properties":%s}]}
                                    """.formatted(
                                    unique("e"), id, first, now, properties, unique("e"), id, second, now, properties))
                            .status())
                    .isEqualTo(200);
        }
        int draft = post("/api/v1/agreements", "application/yaml", saas.replace("threshold: 60", "threshold: 55"))
                .json()
                .get("number")
                .asInt();

        Page marketer = signedIn("mo@northwind.example", "marketing");
        marketer.navigate("/agreement/" + draft);
        PlaywrightAssertions.assertThat(marketer.locator("#simulation")).containsText("Not simulated yet");
        marketer.getByRole(AriaRole.BUTTON, named("Simulate on history")).click();
        PlaywrightAssertions.assertThat(marketer.getByRole(AriaRole.STATUS)).containsText("is queued");
        PlaywrightAssertions.assertThat(marketer.locator("#simulation")).containsText("Queued: it starts when");

        simulations.drain();
        marketer.reload();

        var section = marketer.locator("#simulation");
        PlaywrightAssertions.assertThat(section.locator(".summary"))
                .containsText("2 MQLs under the draft against 1 under version " + active);
        PlaywrightAssertions.assertThat(section.getByRole(AriaRole.ROW)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Would newly qualify"))
                        .locator("td")
                        .first())
                .hasText("1");
        PlaywrightAssertions.assertThat(section.getByRole(
                        AriaRole.HEADING,
                        new com.microsoft.playwright.Locator.GetByRoleOptions()
                                .setName("Load under this version's routing")))
                .isVisible();
        assertThat((Boolean) marketer.evaluate("() => !!(document.querySelector('#simulation')"
                        + ".compareDocumentPosition([...document.querySelectorAll('button')]"
                        + ".find(b => b.textContent === 'Sign for marketing')) & Node.DOCUMENT_POSITION_FOLLOWING)"))
                .as("the report comes before the sign-off buttons")
                .isTrue();
        for (Screen screen : Screen.values()) {
            Page page = signIn(newPage(screen), "mo@northwind.example", PASSWORD);
            page.navigate("/agreement/" + draft);
            PlaywrightAssertions.assertThat(page.locator("#simulation .summary"))
                    .isVisible();
            assertThat(axe(page)).as("/agreement/" + draft + " at " + screen).isEmpty();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("the version page scrolls sideways at " + screen)
                    .isTrue();
        }
    }
}
