package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.baton.testing.BrowserTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The rep queue worked with the keyboard alone — Tab, Shift+Tab, Enter, Space and the arrows, never a click — each
 * action answered in place, the focus kept in the lead's row and always visible.
 */
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class QueueKeyboardBrowserTest extends BrowserTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @BeforeEach
    void theFirstExampleIsActive() {
        clock.set(NOW);
        activateExample("saas-north-america-europe.yaml");
    }

    /** Ideal leads of one company that qualified now; being one account, they go to one rep. */
    private List<Long> qualifiedLeadsOfOneAccount(int count) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        var ids = new ArrayList<Long>();
        for (int i = 0; i < count; i++) {
            long id = postJson("/api/v1/leads", """
                            {"email":"dana%d-%s@acme-%s.example","firstName":"Dana","lastName":"Reyes %d",
                             "title":"VP Marketing","source":"webinar",
                             "company":{"name":"Acme %s","domain":"acme-%s.example","employees":200,
                                        "annualRevenue":20000000,"industry":"SaaS","country":"US"}}""".formatted(i, tag, tag, i, tag, tag))
                    .json()
                    .get("id")
                    .asLong();
            String events = """
                    {"events":[{"eventId":"f-%1$s-%2$d","leadId":%2$d,"type":"form_submitted","occurredAt":"%3$s",
                                "properties":{"form":"demo"}},
                               {"eventId":"p-%1$s-%2$d","leadId":%2$d,"type":"page_view","occurredAt":"%4$s",
                                "properties":{"url":"/pricing"}}]}""".formatted(tag, id, NOW.minusSeconds(600), NOW.minusSeconds(300));
            assertThat(postJson("/api/v1/events", events).status()).isEqualTo(200);
            assertThat(stage(id)).isEqualTo("mql");
            ids.add(id);
        }
        return ids;
    }

    private String stage(long id) {
        return get("/api/v1/leads/" + id).json().get("stage").asString();
    }

    /**
     * Whether the focus comes into the selector's element once the answer has settled (htmx moves it then). A
     * locator, not a page function: the page's Content-Security-Policy refuses the eval a polled function needs.
     */
    private static boolean focusIsIn(Page page, String selector) {
        try {
            page.locator(selector + ":focus-within")
                    .waitFor(new Locator.WaitForOptions()
                            .setState(WaitForSelectorState.ATTACHED)
                            .setTimeout(5_000));
            return true;
        } catch (com.microsoft.playwright.TimeoutError e) {
            return false;
        }
    }

    private static void assertFocusIsVisible(Page page) {
        assertThat((String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
                .as("the outline of " + page.evaluate("() => document.activeElement.outerHTML"))
                .isNotEqualTo("none");
    }

    @Test
    void aRepAcceptsLogsAnAttemptAndRejectsWithTheKeyboardAloneWithoutAReload() {
        List<Long> leads = qualifiedLeadsOfOneAccount(3);
        long accept = leads.get(0);
        long touch = leads.get(1);
        long reject = leads.get(2);
        String owner = get("/api/v1/leads/" + accept).json().get("owner").asString();
        for (long id : leads) {
            assertThat(get("/api/v1/leads/" + id).json().get("owner").asString())
                    .isEqualTo(owner);
        }
        assertThat(postJson("/api/v1/leads/" + touch + "/accept", "{}").status())
                .isEqualTo(200);
        Page page = signedIn(owner, "rep");
        page.navigate("/queue");
        page.evaluate("() => { window.stillThisPage = true; }");

        // accept: Tab to the row's Accept button, Enter
        TeamPageBrowserTest.tabTo(page, "#lead-" + accept + " form[action$='/accept'] button");
        assertFocusIsVisible(page);
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#lead-" + accept + " [role=status]"))
                .hasText("accepted");
        assertThat(focusIsIn(page, "#lead-" + accept))
                .as("the focus stays in the row the answer replaced")
                .isTrue();
        assertThat(stage(accept)).isEqualTo("accepted");

        // log an attempt: the touch type by its first letter, the outcome typed, Space on the button
        TeamPageBrowserTest.tabTo(page, "#lead-" + touch + " select[name=type]");
        assertFocusIsVisible(page);
        page.keyboard().type("e");
        page.keyboard().press("Tab");
        page.keyboard().type("left a voicemail");
        page.keyboard().press("Tab");
        assertThat((String) page.evaluate("() => document.activeElement.textContent"))
                .isEqualTo("Log attempt");
        page.keyboard().press("Space");
        PlaywrightAssertions.assertThat(page.locator("#lead-" + touch + " [role=status]"))
                .hasText("touch logged");
        assertThat(focusIsIn(page, "#lead-" + touch)).isTrue();
        assertThat(get("/api/v1/leads/" + touch).json().get("firstTouchAt").isNull())
                .isFalse();

        // reject without a reason: the browser keeps the form and takes the focus to the reason
        String form = "#lead-" + reject + " form[action$='/reject'] ";
        TeamPageBrowserTest.tabTo(page, form + "button");
        page.keyboard().press("Enter");
        assertThat(focusIsIn(page, form + "select[name=reasonCode]")).isTrue();
        assertThat(stage(reject)).isEqualTo("mql");
        PlaywrightAssertions.assertThat(page.locator(form + "button")).isVisible();

        // then with one: the first reason by the arrow, a note, back with Shift+Tab to check it, and Enter
        assertFocusIsVisible(page);
        page.keyboard().press("ArrowDown");
        assertThat(page.locator(form + "select[name=reasonCode]").inputValue()).isEqualTo("NOT_ICP");
        page.keyboard().press("Tab");
        page.keyboard().type("a student project");
        page.keyboard().press("Tab");
        page.keyboard().press("Shift+Tab");
        assertThat(focusIsIn(page, form + "input[name=note]")).isTrue();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        PlaywrightAssertions.assertThat(page.locator("#lead-" + reject + " [role=status]"))
                .hasText("rejected");
        assertThat(focusIsIn(page, "#lead-" + reject)).isTrue();
        assertThat(stage(reject)).isNotEqualTo("mql");

        assertThat((Boolean) page.evaluate("() => window.stillThisPage === true"))
                .as("no action reloaded the page")
                .isTrue();
        assertThat(axe(page)).isEmpty();
    }
}
