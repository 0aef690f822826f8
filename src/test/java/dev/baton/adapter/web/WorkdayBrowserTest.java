package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.testing.BrowserTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A rep's morning and the shared dashboard in a real Chromium: the queue's actions, the charts drawn from the same
 * figures as the metrics API, and no serious accessibility problem at a desktop's width or a phone's.
 */
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class WorkdayBrowserTest extends BrowserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final String PERIOD = "from=2026-11-01&to=2026-11-30";

    @BeforeEach
    void aQualifiedLeadOfTheFirstExample() {
        clock.set(NOW);
        activateExample("saas-north-america-europe.yaml");
    }

    /** An ideal lead that qualified now; its id. */
    private long qualifiedLead() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "dana-" + tag + "@acme-" + tag + ".example";
        long id = postJson("/api/v1/leads", """
                        {"email":"%s","firstName":"Dana","lastName":"Reyes","title":"VP Marketing","source":"webinar",
                         "company":{"name":"Acme %s","domain":"acme-%s.example","employees":200,
                                    "annualRevenue":20000000,"industry":"SaaS","country":"US"}}""".formatted(email, tag, tag))
                .json()
                .get("id")
                .asLong();
        String events = """
                {"events":[{"eventId":"f-%1$s","leadId":%2$d,"type":"form_submitted","occurredAt":"%3$s",
                            "properties":{"form":"demo"}},
                           {"eventId":"p-%1$s","leadId":%2$d,"type":"page_view","occurredAt":"%4$s",
                            "properties":{"url":"/pricing"}}]}""".formatted(tag, id, NOW.minusSeconds(600), NOW.minusSeconds(300));
        assertThat(postJson("/api/v1/events", events).status()).isEqualTo(200);
        assertThat(get("/api/v1/leads/" + id).json().get("stage").asString()).isEqualTo("mql");
        return id;
    }

    /** How many rejections with this reason the dashboard's figures hold for the period. */
    private static double rejections(Page page, String reason) {
        String csv = page.request().get("/dashboard/rejections.csv?" + PERIOD).text();
        String[] lines = csv.strip().split("\n");
        int column = java.util.Arrays.asList(lines[0].split(",")).indexOf(reason);
        double sum = 0;
        for (int i = 1; column > 0 && i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            sum += cells[column].isEmpty() ? 0 : Double.parseDouble(cells[column]);
        }
        return sum;
    }

    @Test
    void aRepCannotRejectWithoutAReasonRejectsWithOneAndTheDashboardCountsIt() {
        long id = qualifiedLead();
        String owner = get("/api/v1/leads/" + id).json().get("owner").asString();
        Page page = signedIn(owner, "rep");
        double before = rejections(page, "NOT_ICP");

        page.navigate("/queue");
        Locator row = page.locator("#lead-" + id);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject"))
                .click();

        // the browser keeps the form: a reason is required
        assertThat((Boolean) row.locator("select[name=reasonCode]").evaluate("select => select.validity.valid"))
                .isFalse();
        assertThat(get("/api/v1/leads/" + id).json().get("stage").asString()).isEqualTo("mql");

        row.getByLabel("Reason").selectOption("NOT_ICP");
        row.getByLabel("Note").fill("a student project");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject"))
                .click();

        PlaywrightAssertions.assertThat(page.locator("#lead-" + id)).containsText("rejected");
        assertThat(get("/api/v1/leads/" + id).json().get("stage").asString()).isNotEqualTo("mql");
        page.navigate("/queue");
        PlaywrightAssertions.assertThat(page.locator("#lead-" + id)).hasCount(0);
        assertThat(rejections(page, "NOT_ICP")).isEqualTo(before + 1);
    }

    @Test
    void acceptingFromTheQueueChangesTheRowWithoutReloadingThePage() {
        long id = qualifiedLead();
        String owner = get("/api/v1/leads/" + id).json().get("owner").asString();
        Page page = signedIn(owner, "rep");
        page.navigate("/queue");
        page.evaluate("() => { window.stillThisPage = true; }");

        page.locator("#lead-" + id)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept"))
                .click();

        PlaywrightAssertions.assertThat(page.locator("#lead-" + id)
                        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log attempt")))
                .isVisible();
        assertThat((Boolean) page.evaluate("() => window.stillThisPage === true"))
                .isTrue();
        assertThat(get("/api/v1/leads/" + id).json().get("stage").asString()).isEqualTo("accepted");
    }

    @Test
    void theWeeklyReviewShowsALeadIdlePastItsDeadlineAndItsRecycleActionMovesIt() {
        long id = qualifiedLead();
        String owner = get("/api/v1/leads/" + id).json().get("owner").asString();
        clock.advance(java.time.Duration.ofDays(9)); // the accept clock ran out, and nobody touched the lead since
        Page page = signedIn("jordan.lee@northwind.example", "sales_manager");

        page.navigate("/review");
        Locator row = page.locator("#review-" + id);
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(owner)))
                .containsText("Dana Reyes");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Recycle"))
                .click();

        page.waitForLoadState();
        assertThat(page.locator("main").innerText()).contains("lead " + id + ": recycle done");
        PlaywrightAssertions.assertThat(page.locator("#review-" + id)).hasCount(0);
        assertThat(get("/api/v1/leads/" + id).json().get("stage").asString()).isEqualTo("recycled");
        PlaywrightAssertions.assertThat(page.getByLabel("For the meeting's notes (Markdown)"))
                .hasValue(java.util.regex.Pattern.compile("## Week of [\\s\\S]*- MQLs in: [\\s\\S]*- Won: "));
        assertThat(axe(page)).isEmpty();
    }

    @Test
    void theLeadPageShowsTheHandoffPacketAndTheActionsOnlyToThoseWhoMayTakeThem() {
        long id = qualifiedLead();
        String owner = get("/api/v1/leads/" + id).json().get("owner").asString();
        Page mine = signedIn(owner, "rep");
        mine.navigate("/queue");
        mine.locator("#lead-" + id)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Dana Reyes"))
                .click();

        mine.waitForURL(url -> url.endsWith("/leads/" + id));
        PlaywrightAssertions.assertThat(mine.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Dana Reyes");
        PlaywrightAssertions.assertThat(mine.locator("main")).containsText("qualified");
        PlaywrightAssertions.assertThat(mine.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")))
                .isVisible();
        assertThat(mine.locator("ol.timeline li").count()).isGreaterThan(1);
        assertThat(axe(mine)).isEmpty();

        Page marketer = signedIn("mo@northwind.example", "marketing");
        marketer.navigate("/leads/" + id);
        PlaywrightAssertions.assertThat(marketer.locator("main")).containsText("You may read this lead");
        PlaywrightAssertions.assertThat(
                        marketer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")))
                .hasCount(0);
    }

    @Test
    void theDashboardDrawsEveryChartAndItsFunnelIsTheApis() {
        qualifiedLead();
        Page page = signedIn("mo@northwind.example", "marketing");

        page.navigate("/?" + PERIOD);

        Locator charts = page.locator(".chart[data-chart]");
        assertThat(charts.count()).isGreaterThanOrEqualTo(5);
        for (int i = 0; i < charts.count(); i++) {
            PlaywrightAssertions.assertThat(charts.nth(i)).hasAttribute("data-drawn", "true");
            PlaywrightAssertions.assertThat(charts.nth(i).locator("canvas")).hasCount(1);
        }
        JsonNode api = get("/api/v1/funnel?" + PERIOD).json();
        Locator funnel = page.locator("section[aria-labelledby=funnel-title] table.figures tbody tr");
        assertThat(funnel.count()).isEqualTo(api.get("stages").size());
        for (int i = 0; i < funnel.count(); i++) {
            JsonNode stage = api.get("stages").get(i);
            assertThat(funnel.nth(i).locator("th").textContent())
                    .isEqualTo(stage.get("stage").asString());
            assertThat(Double.parseDouble(funnel.nth(i).locator("td").textContent()))
                    .isEqualTo((double) stage.get("count").asLong());
        }
    }

    @Test
    void theDashboardAndTheQueueHaveNoSeriousAccessibilityProblemAtEitherWidth() {
        long id = qualifiedLead();
        String owner = get("/api/v1/leads/" + id).json().get("owner").asString();
        signedIn(owner, "rep").context().close();
        for (Screen screen : Screen.values()) {
            Page page = signIn(newPage(screen), owner, PASSWORD);
            for (String path : new String[] {"/?" + PERIOD, "/queue", "/review", "/agreement"}) {
                page.navigate(path);
                assertThat(axe(page)).as(path + " at " + screen).isEmpty();
                assertThat((Boolean)
                                page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                        .as(path + " scrolls sideways at " + screen)
                        .isTrue();
            }
        }
    }
}
