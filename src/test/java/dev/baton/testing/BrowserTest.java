package dev.baton.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A Baton of its own, driven through Debian's real headless Chromium. One browser serves the whole class; each test gets
 * fresh contexts (no cookies, no storage), at a desktop's width unless it asks for a phone's. Any console error or
 * uncaught page error fails the test that caused it unless the test said it expects it: the Content-Security-Policy
 * reports what it refuses as a console error, so this also holds the pages to the policy.
 */
public abstract class BrowserTest extends IntegrationTest {

    /** The browser's size on a laptop, and on a phone held upright. */
    public enum Screen {
        DESKTOP(1280, 800),
        PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private static final String CHROMIUM = System.getProperty("baton.chromium", "/usr/bin/chromium");
    private static final String NO_CHROMIUM = "The browser tests need Chromium at " + CHROMIUM
            + ". On Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y chromium"
            + " (.ci/run does this); elsewhere point -Dbaton.chromium at a Chromium or Chrome executable.";

    private static final Page.GetByLabelOptions EXACTLY = new Page.GetByLabelOptions().setExact(true);

    private static @Nullable Playwright playwright;
    private static @Nullable Browser chromium;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<String> expected = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        playwright = playwright();
        chromium = chromium(playwright);
    }

    /** Playwright, told never to fetch a browser of its own; fails saying how to install Chromium without it. */
    public static Playwright playwright() {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException(NO_CHROMIUM);
        }
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Debian's Chromium, headless, with none of its calls home. */
    public static Browser chromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(CHROMIUM))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-gpu",
                                "--no-first-run")));
    }

    /** The password {@link #signedIn} gives the users it adds. */
    protected static final String PASSWORD = "a long enough password";

    /**
     * Signed in as a user with this role: added the first time with an initial password, which the browser then
     * changes to {@link #PASSWORD} as the page asks; signed in with that afterwards.
     */
    protected Page signedIn(String email, String role) {
        Response added = postJson(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"roles\":[\"" + role + "\"],\"password\":\"" + PASSWORD + "x\"}");
        if (added.status() == 409) {
            return signIn(email, PASSWORD);
        }
        Page page = signIn(email, PASSWORD + "x");
        page.getByLabel("Current password").fill(PASSWORD + "x");
        page.getByLabel("New password (at least 12 characters)").fill(PASSWORD);
        page.getByLabel("New password again").fill(PASSWORD);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Change password"))
                .click();
        page.waitForURL(url -> !url.contains("/account/password"));
        return page;
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) {
            playwright.close(); // closes the browser with it
        }
        playwright = null;
        chromium = null;
    }

    /** A page in a fresh desktop context. */
    protected Page newPage() {
        return newPage(Screen.DESKTOP);
    }

    /** A page in a fresh context of the given size, signed in as nobody. */
    protected Page newPage(Screen screen) {
        if (chromium == null) {
            throw new IllegalStateException(NO_CHROMIUM);
        }
        BrowserContext context = chromium.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(screen.width, screen.height)
                .setIsMobile(screen == Screen.PHONE)
                .setHasTouch(screen == Screen.PHONE));
        contexts.add(context);
        context.onPage(this::watch);
        return context.newPage();
    }

    private void watch(Page page) {
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add("console error on " + page.url() + ": " + message.text() + " (" + message.location() + ")");
            }
        });
        page.onPageError(error -> errors.add("page error on " + page.url() + ": " + error));
    }

    /** Signs in through the form at /login in a fresh desktop context; returns the page where it lands. */
    protected Page signIn(String email, String password) {
        return signIn(newPage(), email, password);
    }

    /** Signs in through the form at /login on this page; returns it, where the form sent it. */
    protected Page signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email", EXACTLY).fill(email);
        page.getByLabel("Password", EXACTLY).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        // the form answers with a redirect: home, the password to change, or back here with the reason
        page.waitForURL(url -> !url.endsWith("/login"));
        return page;
    }

    /** The console and page errors the browser has reported in this test so far. */
    protected List<String> browserErrors() {
        return List.copyOf(errors);
    }

    /** The test expects a console or page error containing this text; it fails if none comes. */
    protected void expectError(String containing) {
        expected.add(containing);
    }

    /** The serious and critical accessibility problems axe-core finds on the page as it is now. */
    protected List<Axe.Violation> axe(Page page) {
        return Axe.seriousViolations(page);
    }

    /**
     * Saves the page as it looks now to a path in the repository, only when {@code -Dbaton.screenshots=true}: the
     * committed screenshots change when someone means to renew them, not on every run.
     */
    protected void screenshot(Page page, String path) {
        if (Boolean.getBoolean("baton.screenshots")) {
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Paths.get(path)).setFullPage(true));
        }
    }

    @AfterEach
    void closeContextsAndCheckErrors() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        List<String> unexpected = new ArrayList<>(errors);
        for (String each : expected) {
            String matched = unexpected.stream()
                    .filter(error -> error.contains(each))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "expected an error containing '" + each + "' in the browser, got " + errors));
            unexpected.remove(matched);
        }
        if (!unexpected.isEmpty()) {
            throw new AssertionError("the browser reported errors:\n  " + String.join("\n  ", unexpected));
        }
    }
}
