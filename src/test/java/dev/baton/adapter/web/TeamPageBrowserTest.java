package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.testing.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The teams page's forms in a real Chromium: used with the keyboard alone, and readable at both widths. */
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class TeamPageBrowserTest extends BrowserTest {

    private static final String MANAGER = "jordan.lee@northwind.example";
    private static final String TOM = "tom.berg@northwind.example";

    @BeforeEach
    void theExampleTeams() {
        activateExample("saas-north-america-europe.yaml");
    }

    /** Presses Tab until the element the selector names has the focus; fails when it never comes. */
    static void tabTo(Page page, String selector) {
        for (int i = 0; i < 200; i++) {
            if ((Boolean) page.evaluate("s => document.activeElement?.matches(s) === true", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    @Test
    void aManagerRecordsAnAbsenceWithTheKeyboardAloneAndSeesItListed() {
        Page page = signedIn(MANAGER, "sales_manager");
        page.navigate("/team");
        Locator team = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("na-mid-market"));
        PlaywrightAssertions.assertThat(
                        team.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Record an absence")))
                .isVisible();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("europe"))
                        .getByRole(AriaRole.FORM))
                .hasCount(0);

        String form = "section[aria-labelledby='team-na-mid-market'] form[action='/team/absences'] ";
        tabTo(page, form + "select[name=rep]");
        page.keyboard().type("tom"); // a select picks the option its typed letters begin
        page.keyboard().press("Tab");
        page.keyboard().type("12012026"); // month, day and year, each field moving on to the next
        // past the date's calendar button, which Tab also stops at
        tabTo(page, form + "input[name=until]");
        page.keyboard().type("12052026");
        tabTo(page, form + "input[name=note]");
        page.keyboard().type("conference");
        assertThat(page.locator(form + "select[name=rep]").inputValue()).isEqualTo(TOM);
        assertThat(page.locator(form + "input[name=from]").inputValue()).isEqualTo("2026-12-01");
        assertThat(page.locator(form + "input[name=until]").inputValue()).isEqualTo("2026-12-05");
        tabTo(page, form + "button[type=submit]");
        page.keyboard().press("Enter");

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).containsText("Recorded an absence for " + TOM);
        Locator row = team.locator("tr", new Locator.LocatorOptions().setHasText(TOM));
        // midnight in New York, where tom works
        PlaywrightAssertions.assertThat(row).containsText("2026-12-01T05:00:00Z to 2026-12-05T05:00:00Z");
        PlaywrightAssertions.assertThat(row).containsText("conference");
        assertThat(get("/api/v1/audit?action=rep.absence_added")
                        .json()
                        .at("/entries/0/actor")
                        .asString())
                .isEqualTo(MANAGER);
    }

    @Test
    void aBadDayComesBackNamedAtTheFieldWithWhatWasTyped() {
        Page page = signedIn("rita@northwind.example", "revops");
        page.navigate("/team");
        Locator form = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("europe"))
                .getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Record an absence"));

        form.getByLabel("From (first day away)").fill("2026-12-05");
        form.getByLabel("Until (first day back)").fill("2026-12-01");
        form.getByLabel("Note (optional)").fill("a typo");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record absence"))
                .click();

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.ALERT))
                .hasText("Until (first day back): until must be after from");
        Locator until = form.getByLabel("Until (first day back)");
        PlaywrightAssertions.assertThat(until).isFocused();
        PlaywrightAssertions.assertThat(until).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(form.getByLabel("Note (optional)")).hasValue("a typo");
        assertThat(axe(page)).isEmpty();
    }

    @Test
    void theFormsHaveNoSeriousAccessibilityProblemAtEitherWidth() {
        signedIn(MANAGER, "sales_manager").context().close();
        signedIn("root@northwind.example", "admin").context().close();
        for (Screen screen : Screen.values()) {
            for (String email : new String[] {MANAGER, "root@northwind.example"}) {
                Page page = signIn(newPage(screen), email, PASSWORD);
                page.navigate("/team");
                PlaywrightAssertions.assertThat(
                                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record absence"))
                                        .first())
                        .isVisible();
                assertThat(axe(page)).as(email + " at " + screen).isEmpty();
                assertThat((Boolean)
                                page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                        .as("/team scrolls sideways at " + screen + " for " + email)
                        .isTrue();
            }
        }
    }
}
