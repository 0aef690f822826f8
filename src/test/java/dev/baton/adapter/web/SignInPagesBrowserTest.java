package dev.baton.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.baton.testing.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.test.context.TestPropertySource;

/**
 * The sign-in page, the home page and the password page in a real Chromium: signing in and out with the mouse and with
 * the keyboard alone, the password an admin set that must be changed first, and the accessibility check and a clean
 * console at a desktop's and a phone's width.
 */
@TestPropertySource(
        properties = {
            "baton.admin.email=" + SignInPagesBrowserTest.ADMIN,
            "baton.admin.password=" + SignInPagesBrowserTest.ADMIN_PASSWORD
        })
class SignInPagesBrowserTest extends BrowserTest {

    static final String ADMIN = "ada@acme.example";
    static final String ADMIN_PASSWORD = "the first admin's passphrase";

    /** Every page here comes from one address: a minute apart, no test meets the sign-in throttle of the one before. */
    @BeforeEach
    void aFreshMinute() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void signingInThroughTheFormLandsOnTheHomePageShowingTheEmailAndRoles() {
        Page home = signIn(ADMIN, ADMIN_PASSWORD);

        assertThat(home.url()).isEqualTo(url("/"));
        PlaywrightAssertions.assertThat(home.getByRole(AriaRole.MAIN))
                .containsText("You are signed in as " + ADMIN + ", with the roles admin.");
        PlaywrightAssertions.assertThat(home.getByRole(
                        AriaRole.NAVIGATION, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Account")))
                .containsText(ADMIN);
    }

    @Test
    void aWrongPasswordShowsTheReasonOnTheSignInPage() {
        Page refused = signIn(ADMIN, "not the passphrase at all");

        assertThat(refused.url()).isEqualTo(url("/login?error"));
        PlaywrightAssertions.assertThat(refused.getByRole(AriaRole.ALERT))
                .hasText("the email or the password is wrong");
        refused.navigate("/");
        assertThat(refused.url()).isEqualTo(url("/login"));
    }

    @Test
    void aUserWithAnInitialPasswordChangesItInTheBrowserAndReachesHome() {
        addRep("ines@acme.example", "an initial passphrase");

        Page page = signIn("ines@acme.example", "an initial passphrase");
        assertThat(page.url()).isEqualTo(url("/account/password"));
        page.getByLabel("Current password").fill("an initial passphrase");
        page.getByLabel("New password (at least 12 characters)").fill("ines's own passphrase");
        page.getByLabel("New password again").fill("ines's own passphrase");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        page.waitForURL(url("/?passwordChanged"));

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your password is changed.");
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.MAIN))
                .containsText("You are signed in as ines@acme.example, with the roles rep.");
        assertThat(signIn("ines@acme.example", "ines's own passphrase").url()).isEqualTo(url("/"));
    }

    @Test
    void signingInWorksWithTheKeyboardAlone() {
        Page page = newPage();
        page.navigate("/login");

        assertThat(focused(page)).isEqualTo("input#email");
        page.keyboard().type(ADMIN);
        page.keyboard().press("Tab");
        assertThat(focused(page)).isEqualTo("input#password");
        page.keyboard().type(ADMIN_PASSWORD);
        page.keyboard().press("Tab");
        assertThat(focused(page)).isEqualTo("button:Sign in");
        assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
                .as("the focused button shows that it has the focus")
                .isNotEqualTo("none");
        page.keyboard().press("Enter");
        page.waitForURL(url("/"));

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.MAIN)).containsText("You are signed in as " + ADMIN);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theAccessibilityCheckFindsNoSeriousProblemOnAnyPage(Screen screen) {
        Page page = newPage(screen);
        page.navigate("/login");
        assertThat(axe(page)).as("/login").isEmpty();
        signIn(page, ADMIN, "not the passphrase at all");
        assertThat(axe(page)).as("/login?error").isEmpty();

        signIn(page, ADMIN, ADMIN_PASSWORD);
        assertThat(axe(page)).as("/").isEmpty();
        page.navigate("/account/password");
        assertThat(axe(page)).as("/account/password").isEmpty();
    }

    /** The check above would be empty if axe-core never ran; here it must name the field that lost its label. */
    @Test
    void theAccessibilityCheckNamesTheRuleAndTheElementItFails() {
        Page page = newPage();
        page.navigate("/login");
        page.evaluate("() => document.querySelector('label[for=email]').remove()");

        assertThat(axe(page)).anySatisfy(violation -> {
            assertThat(violation.id()).isEqualTo("label");
            assertThat(violation.impact()).isEqualTo("critical");
            assertThat(violation.targets()).containsExactly("#email");
            assertThat(violation.toString()).contains("label (critical): Form elements must have labels at #email");
        });
    }

    @Test
    void atAPhonesWidthNoPageScrollsSideways() {
        Page page = newPage(Screen.PHONE);
        page.navigate("/login");
        assertThat(sidewaysOverflow(page)).as("/login").isZero();

        signIn(page, ADMIN, ADMIN_PASSWORD);
        assertThat(sidewaysOverflow(page)).as("/").isZero();
        page.navigate("/account/password");
        assertThat(sidewaysOverflow(page)).as("/account/password").isZero();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void noPageReportsAConsoleError(Screen screen) {
        Page page = newPage(screen);
        page.navigate("/login");
        signIn(page, ADMIN, "not the passphrase at all");
        signIn(page, ADMIN, ADMIN_PASSWORD);
        page.navigate("/account/password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL(url("/login?signedOut"));

        assertThat(browserErrors()).isEmpty();
    }

    /** The check above would be empty if the browser never reported what the Content-Security-Policy refuses. */
    @Test
    void whatTheContentSecurityPolicyRefusesIsReportedAsAConsoleError() {
        Page page = newPage();
        page.navigate("/login");
        expectError("Content Security Policy");

        ConsoleMessage refusal = page.waitForConsoleMessage(
                () -> page.evaluate(
                        "() => { const s = document.createElement('style'); s.textContent = 'body {}'; document.head.append(s); }"));

        assertThat(refusal.type()).isEqualTo("error");
        assertThat(refusal.text()).contains("Content Security Policy");
    }

    @Test
    void signingOutThroughTheButtonEndsTheSession() {
        Page page = signIn(ADMIN, ADMIN_PASSWORD);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.waitForURL(url("/login?signedOut"));

        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        page.navigate("/account/password");
        assertThat(page.url()).isEqualTo(url("/login"));
    }

    /** How many pixels the page is wider than the screen. */
    private static int sidewaysOverflow(Page page) {
        return (Integer) page.evaluate(
                "() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)");
    }

    /** The focused element, as its tag and its id or text. */
    private static String focused(Page page) {
        Locator active = page.locator(":focus");
        String tag = (String) active.evaluate("e => e.tagName.toLowerCase()");
        String id = active.getAttribute("id");
        return id != null ? tag + "#" + id : tag + ":" + active.innerText();
    }

    private void addRep(String email, String initialPassword) {
        Response added = postJson(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"roles\":[\"rep\"],\"password\":\"" + initialPassword + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }

    private String url(String path) {
        return uri(path).toString();
    }
}
