package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.baton.testing.BrowserTest;
import dev.baton.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The funnel audit's page in a real Chromium, on a history imported with two defects: an MQL never touched past its
 * deadline and a lead twice under one person's email. Each finding shows its count and example leads, which open the
 * lead's page; the page has no serious accessibility problem and does not scroll sideways at either width.
 */
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class AuditPageBrowserTest extends BrowserTest {

    private static boolean imported;

    @BeforeEach
    void aHistoryWithTwoDefects() {
        if (imported) {
            return;
        }
        activateExample(Fixtures.SAAS);
        Response leads = post("/api/v1/imports/leads", "text/csv", """
                email,source,company_name,company_domain,title,company_employees,company_annual_revenue,company_industry,company_country
                kim@audited.example,webinar,Audited,audited.example,VP Marketing,200,20000000,SaaS,US
                kim+events@audited.example,webinar,Audited,audited.example,VP Marketing,200,20000000,SaaS,US
                """);
        assertThat(leads.status()).as(leads.body()).isEqualTo(200);
        Response history = post(
                "/api/v1/imports/stage-changes?historyOnly=true",
                "text/csv",
                "email,stage,at,actor,reason_code\nkim@audited.example,mql,2026-10-05T14:00:00Z,crm,\n");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        imported = true;
    }

    @Test
    void eachFindingShowsItsCountAndItsExampleLeadsOpenTheirPage() {
        Page page = signedIn("rita@northwind.example", "revops");
        page.navigate("/audit");

        var untouched = page.locator("#finding-untouched-mqls");
        PlaywrightAssertions.assertThat(untouched.locator("th")).hasText("MQLs never touched");
        PlaywrightAssertions.assertThat(untouched.locator("td").first()).hasText("1");
        PlaywrightAssertions.assertThat(
                        page.locator("#finding-duplicate-leads td").first())
                .hasText("1");
        PlaywrightAssertions.assertThat(page.locator(".summary")).containsText("2 findings");

        untouched
                .getByRole(com.microsoft.playwright.options.AriaRole.LINK)
                .first()
                .click();

        PlaywrightAssertions.assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/leads/\\d+$"));
        PlaywrightAssertions.assertThat(page.locator("main")).containsText("kim@audited.example");
    }

    @Test
    void theFindingsComeAsCsv() {
        Page page = signedIn("rita@northwind.example", "revops");
        var csv = page.request().get("/audit.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        assertThat(csv.text().lines().toList())
                .first()
                .isEqualTo("check,title,count,of,share,pipeline_at_risk,examples,fix");
        assertThat(csv.text()).contains("\nuntouched-mqls,MQLs never touched,1,1,");
    }

    @Test
    void thePageHasNoSeriousAccessibilityProblemAndFitsAPhone() {
        signedIn("rita@northwind.example", "revops").context().close();
        for (Screen screen : Screen.values()) {
            Page page = signIn(newPage(screen), "rita@northwind.example", PASSWORD);
            page.navigate("/audit");
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Funnel audit");
            assertThat(axe(page)).as("/audit at " + screen).isEmpty();
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("/audit scrolls sideways at " + screen)
                    .isTrue();
        }
    }
}
