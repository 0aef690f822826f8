package dev.baton.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.testing.Axe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code baton demo} in a real Chromium, signed in as each demo role: every page shows something true on first start,
 * each role sees what it may do and not more, and the dashboard's figures are the metrics API's. With
 * {@code -Dbaton.screenshots=true} it renews the screenshots in docs/ from the demo data.
 */
class DemoBrowserTest {

    private static final String TOKEN = "demo-browser-test";
    private static final String PASSWORD = DemoSeeder.PASSWORD;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext baton;
    private static int port;
    private static Playwright playwright;
    private static Browser chromium;
    private final List<String> errors = new ArrayList<>();

    @BeforeAll
    static void theDemoInChromium() {
        baton = new SpringApplicationBuilder(BatonServer.class)
                .properties(
                        "server.port=0",
                        "baton.data.dir=" + dataDir,
                        "baton.api.token=" + TOKEN,
                        "baton.demo=true",
                        "baton.demo.until=" + Instant.now().truncatedTo(ChronoUnit.HOURS),
                        "baton.escalations.worker=false",
                        "baton.sign-in.attempts-per-minute=100000")
                .run();
        port = ((WebServerApplicationContext) baton).getWebServer().getPort();
        playwright = dev.baton.testing.BrowserTest.playwright();
        chromium = dev.baton.testing.BrowserTest.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (baton != null) {
            baton.close();
        }
    }

    @AfterEach
    void noBrowserErrors() {
        assertThat(errors).as("console and page errors").isEmpty();
    }

    private Page signIn(String email) {
        Page page = chromium.newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://localhost:" + port)
                        .setViewportSize(1280, 800))
                .newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> errors.add(page.url() + ": " + e));
        page.navigate("/login");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(url -> !url.endsWith("/login"));
        assertThat(page.url()).as(email + " signed in").isEqualTo("http://localhost:" + port + "/");
        return page;
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void screenshot(Page page, String name) {
        if (Boolean.getBoolean("baton.screenshots")) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("docs/screenshots", name + ".png"))
                    .setFullPage(true));
        }
    }

    @Test
    void everyRoleSeesTheDashboardDrawnFromTheDemoAndItsFunnelIsTheApis() throws Exception {
        for (String email : List.of(
                "admin@northwind.example",
                "revops@northwind.example",
                "maria.lopez@northwind.example",
                "sam.okafor@northwind.example",
                "alex.kim@northwind.example")) {
            Page page = signIn(email);
            Locator charts = page.locator(".chart[data-chart]");
            assertThat(charts.count()).as(email).isGreaterThanOrEqualTo(5);
            PlaywrightAssertions.assertThat(charts.first()).hasAttribute("data-drawn", "true");
            assertThat(Axe.seriousViolations(page)).as(email).isEmpty();
            if (email.startsWith("maria")) {
                screenshot(page, "dashboard");
            }
            page.context().close();
        }
        JsonNode api = api("/api/v1/funnel");
        Page page = signIn("revops@northwind.example");
        Locator rows = page.locator("section[aria-labelledby=funnel-title] table.figures tbody tr");
        assertThat(api.at("/stages/0/count").asLong()).as("the demo's MQLs").isPositive();
        for (int i = 0; i < rows.count(); i++) {
            assertThat(Double.parseDouble(rows.nth(i).locator("td").textContent()))
                    .isEqualTo((double) api.get("stages").get(i).get("count").asLong());
        }
    }

    @Test
    void aRepsQueueHoldsOnlyTheirLeadsAndAManagersTheTeams() throws Exception {
        Page rep = signIn("alex.kim@northwind.example");
        rep.navigate("/queue");
        List<String> owners =
                rep.locator("table.queue tbody tr td:nth-child(4)").allTextContents();
        assertThat(owners).as("the demo leaves some MQLs open").isNotEmpty();
        assertThat(owners).allMatch("alex.kim@northwind.example"::equals);
        screenshot(rep, "queue");
        rep.locator("table.queue tbody tr th a").first().click();
        rep.waitForURL(url -> url.contains("/leads/"));
        PlaywrightAssertions.assertThat(rep.locator("main")).containsText("Why now");
        assertThat(Axe.seriousViolations(rep)).isEmpty();
        screenshot(rep, "lead");

        JsonNode first = api("/api/v1/teams").get(0);
        var members = new java.util.HashSet<String>();
        first.get("members").forEach(m -> members.add(m.get("rep").asString()));
        Page manager = signIn(first.get("manager").asString());
        manager.navigate("/queue");
        List<String> team =
                manager.locator("table.queue tbody tr td:nth-child(4)").allTextContents();
        assertThat(team).as("the team's open leads").isNotEmpty();
        assertThat(members).containsAll(team);

        Page marketer = signIn("maria.lopez@northwind.example");
        marketer.navigate("/queue");
        PlaywrightAssertions.assertThat(marketer.locator("main")).containsText("No open leads here.");
    }

    @Test
    void theAgreementPageOffersEachRoleOnlyItsOwnButtons() {
        Page rep = signIn("alex.kim@northwind.example");
        rep.navigate("/agreement");
        PlaywrightAssertions.assertThat(rep.locator("main")).containsText("Version 1");
        PlaywrightAssertions.assertThat(rep.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and store as a draft")))
                .hasCount(0);

        Page marketer = signIn("maria.lopez@northwind.example");
        marketer.navigate("/agreement");
        PlaywrightAssertions.assertThat(marketer.getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and store as a draft")))
                .isVisible();
        assertThat(Axe.seriousViolations(marketer)).isEmpty();
        screenshot(marketer, "agreement");
    }
}
