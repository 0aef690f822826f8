package dev.baton.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.IntegrationTest;
import dev.baton.testing.WebSession;
import dev.baton.testing.WebSession.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Signing in on the web pages, as a browser does it: the form with its CSRF token, the session cookie, the lockout of
 * an account, the throttle on one address, signing out, a disabled user, the password an admin set that must be
 * changed, and the headers and error bodies the pages answer with.
 */
@TestPropertySource(
        properties = {
            "baton.admin.email=" + SignInTest.ADMIN,
            "baton.admin.password=" + SignInTest.ADMIN_PASSWORD,
            "baton.sign-in.max-failures=" + SignInTest.MAX_FAILURES,
            "baton.sign-in.attempts-per-minute=" + SignInTest.ATTEMPTS_PER_MINUTE
        })
class SignInTest extends IntegrationTest {

    static final String ADMIN = "ada@acme.example";
    static final String ADMIN_PASSWORD = "the first admin's passphrase";
    static final int MAX_FAILURES = 3;
    static final int ATTEMPTS_PER_MINUTE = 8;
    private static final String WRONG = "the email or the password is wrong";

    @Autowired
    WebServerApplicationContext server;

    /**
     * Every browser here comes from the same address, so each test starts a minute after the one before, when that
     * address's sign-in throttle is full again.
     */
    @BeforeEach
    void aFreshMinute() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void theRightPasswordReachesTheHomePageShowingTheEmailAndRoles() {
        WebSession browser = new WebSession(port);

        Page signedIn = browser.signIn(ADMIN, ADMIN_PASSWORD);
        Page home = browser.get("/");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("You are signed in as <strong>" + ADMIN + "</strong>", "<strong>admin</strong>");
    }

    @Test
    void aWrongPasswordLeadsBackToTheSignInPageWithTheReason() {
        WebSession browser = new WebSession(port);

        Page refused = browser.signIn(ADMIN, "not the passphrase at all");
        Page again = browser.get(refused.location());

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).isEqualTo("/login?error");
        assertThat(again.body()).contains(WRONG);
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void anUnknownEmailIsToldTheSameAsAWrongPassword() {
        WebSession browser = new WebSession(port);

        Page refused = browser.signIn("nobody@acme.example", ADMIN_PASSWORD);

        assertThat(refused.location()).isEqualTo("/login?error");
        assertThat(browser.get(refused.location()).body()).contains(WRONG);
    }

    @Test
    void anEmailNoAccountCouldHaveIsToldTheSameAsAWrongPassword() {
        WebSession browser = new WebSession(port);

        Page refused = browser.signIn("ada\u0000@acme.example", ADMIN_PASSWORD);

        assertThat(refused.location()).isEqualTo("/login?error");
        assertThat(browser.get(refused.location()).body()).contains(WRONG);
    }

    @Test
    void anAccountIsLockedAfterTooManyFailuresEvenForTheRightPassword() {
        long id = readyUser("lou@acme.example", "lou's own passphrase");
        WebSession browser = new WebSession(port);
        for (int i = 0; i < MAX_FAILURES; i++) {
            browser.signIn("lou@acme.example", "a guess number " + i);
        }

        Page refused = browser.signIn("lou@acme.example", "lou's own passphrase");

        assertThat(refused.location()).isEqualTo("/login?error");
        assertThat(browser.get(refused.location()).body()).contains("this account is locked until");
        assertThat(get("/api/v1/users/" + id).json().get("lockedUntil").asString())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)).toString());
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void theRightPasswordSignsInAgainOnceTheLockoutIsOver() {
        readyUser("lena@acme.example", "lena's own passphrase");
        WebSession browser = new WebSession(port);
        for (int i = 0; i < MAX_FAILURES; i++) {
            browser.signIn("lena@acme.example", "a guess number " + i);
        }

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Page signedIn = browser.signIn("lena@acme.example", "lena's own passphrase");

        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInStartsTheCountOfFailuresAfresh() {
        long id = readyUser("luc@acme.example", "luc's own passphrase");
        WebSession browser = new WebSession(port);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            browser.signIn("luc@acme.example", "a guess number " + i);
        }
        browser.signIn("luc@acme.example", "luc's own passphrase");
        WebSession another = new WebSession(port);
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            another.signIn("luc@acme.example", "another guess " + i);
        }

        Page signedIn = another.signIn("luc@acme.example", "luc's own passphrase");

        assertThat(signedIn.location()).isEqualTo("/");
        assertThat(get("/api/v1/users/" + id).json().get("lockedUntil").isNull())
                .isTrue();
    }

    @Test
    void tooManyAttemptsFromOneAddressAreAnswered429EvenWithTheRightPassword() {
        WebSession browser = new WebSession(port);
        for (int i = 0; i < ATTEMPTS_PER_MINUTE; i++) {
            assertThat(browser.signIn("guess" + i + "@acme.example", "any password at all")
                            .status())
                    .isEqualTo(302);
        }

        Page throttled = browser.signIn(ADMIN, ADMIN_PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow()))
                .isBetween(1L, 60L);
        assertThat(throttled.body()).contains("too many sign-in attempts from your address");
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void attemptsAreTakenAgainAMinuteAfterTheThrottle() {
        WebSession browser = new WebSession(port);
        for (int i = 0; i <= ATTEMPTS_PER_MINUTE; i++) {
            browser.signIn("guess" + i + "@acme.example", "any password at all");
        }

        clock.advance(Duration.ofMinutes(1));
        Page signedIn = browser.signIn(ADMIN, ADMIN_PASSWORD);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).isEqualTo("/");
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefusedAndSignsNobodyIn() {
        WebSession browser = new WebSession(port);
        browser.get("/login");

        Page refused = browser.postWithoutCsrf("/login", Map.of("email", ADMIN, "password", ADMIN_PASSWORD));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("CSRF token");
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void signingOutEndsTheSession() {
        WebSession browser = new WebSession(port);
        browser.signIn(ADMIN, ADMIN_PASSWORD);
        String session = browser.cookie("JSESSIONID").orElseThrow();
        browser.get("/");

        Page signedOut = browser.post("/logout", Map.of());
        WebSession replaying = new WebSession(port);
        replaying.setCookie("JSESSIONID", session);

        assertThat(signedOut.location()).isEqualTo("/login?signedOut");
        assertThat(browser.get("/").location()).endsWith("/login");
        assertThat(replaying.get("/").location()).endsWith("/login");
    }

    @Test
    void aUserAnAdminDisablesIsSignedOutAtTheirNextPage() {
        long id = readyUser("dora@acme.example", "dora's own passphrase");
        WebSession browser = new WebSession(port);
        browser.signIn("dora@acme.example", "dora's own passphrase");
        assertThat(browser.get("/").status()).isEqualTo(200);

        patch("/api/v1/users/" + id, "{\"disabled\":true}");
        Page next = browser.get("/");

        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).isEqualTo("/login?disabled");
        assertThat(browser.get(next.location()).body()).contains("Your account is disabled");
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void aUserWithAnInitialPasswordIsSentToChangeItFromEveryPage() {
        addUser("ines@acme.example", "an initial passphrase");
        WebSession browser = new WebSession(port);

        browser.signIn("ines@acme.example", "an initial passphrase");

        for (String page : List.of("/", "/login", "/no-such-page")) {
            Page answer = browser.get(page);
            assertThat(answer.status()).as(page).isEqualTo(302);
            assertThat(answer.location()).as(page).isEqualTo("/account/password");
        }
        assertThat(browser.get("/account/password").body()).contains("Change your password");
    }

    @Test
    void aPasswordChangeWithAWrongCurrentPasswordIsRefusedWithTheReason() {
        addUser("ivo@acme.example", "an initial passphrase");
        WebSession browser = new WebSession(port);
        browser.signIn("ivo@acme.example", "an initial passphrase");
        browser.get("/account/password");

        Page refused = browser.post(
                "/account/password",
                Map.of("current", "not the initial one", "password", "a new passphrase", "repeat", "a new passphrase"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("the current password is wrong");
        assertThat(browser.get("/").location()).isEqualTo("/account/password");
    }

    @Test
    void aTooShortNewPasswordIsRefusedWithTheReason() {
        addUser("ida@acme.example", "an initial passphrase");
        WebSession browser = new WebSession(port);
        browser.signIn("ida@acme.example", "an initial passphrase");
        browser.get("/account/password");

        Page refused = browser.post(
                "/account/password",
                Map.of("current", "an initial passphrase", "password", "short", "repeat", "short"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("a password has at least 12 characters");
        assertThat(browser.get("/").location()).isEqualTo("/account/password");
    }

    @Test
    void afterTheChangeTheHomePageOpensAndOnlyTheNewPasswordSignsIn() {
        addUser("iris@acme.example", "an initial passphrase");
        WebSession browser = new WebSession(port);
        browser.signIn("iris@acme.example", "an initial passphrase");
        browser.get("/account/password");

        Page changed = browser.post(
                "/account/password",
                Map.of(
                        "current",
                        "an initial passphrase",
                        "password",
                        "iris's own passphrase",
                        "repeat",
                        "iris's own passphrase"));
        Page home = browser.get(changed.location());
        browser.post("/logout", Map.of());

        assertThat(changed.location()).isEqualTo("/?passwordChanged");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("Your password is changed.");
        assertThat(new WebSession(port)
                        .signIn("iris@acme.example", "an initial passphrase")
                        .location())
                .isEqualTo("/login?error");
        assertThat(new WebSession(port)
                        .signIn("iris@acme.example", "iris's own passphrase")
                        .location())
                .isEqualTo("/");
    }

    @Test
    void aPasswordChangeIsAuditedAsComingFromTheWeb() {
        readyUser("ian@acme.example", "ian's own passphrase");

        JsonNode fromTheWeb = get("/api/v1/audit?action=user.password_changed&actor=ian@acme.example&source=web")
                .json()
                .get("entries");

        assertThat(fromTheWeb).hasSize(1);
        assertThat(fromTheWeb.get(0).get("subject").asString()).isEqualTo("user/ian@acme.example");
        assertThat(fromTheWeb.get(0).get("via").asString()).isEqualTo("web");
        assertThat(fromTheWeb.get(0).get("at").asString())
                .isEqualTo(clock.instant().toString());
    }

    @Test
    void theSignInPageForbidsFramesAndInlineScriptsAndSniffing() {
        Page login = new WebSession(port).get("/login");

        String policy = login.header("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors 'none'");
        assertThat(directive(policy, "script-src")).doesNotContain("unsafe-inline");
        assertThat(login.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.header("X-Frame-Options")).contains("DENY");
        assertThat(login.header("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void theSessionCookieIsHttpOnlySecureAndSameSiteLax() {
        WebSession browser = new WebSession(port);
        Page login = browser.get("/login");
        Page signedIn = browser.signIn(ADMIN, ADMIN_PASSWORD);

        for (Page page : List.of(login, signedIn)) {
            String cookie = page.setCookie("JSESSIONID").orElseThrow();
            assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; Secure");
            assertThat(cookie).containsIgnoringCase("; SameSite=Lax");
        }
    }

    @Test
    void anIdleSessionLastsEightHours() {
        WebSession browser = new WebSession(port);
        browser.signIn(ADMIN, ADMIN_PASSWORD);

        Context context = (Context)
                ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        Session session = findSession(context, browser.cookie("JSESSIONID").orElseThrow());

        assertThat(Duration.ofSeconds(session.getMaxInactiveInterval())).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void malformedFormPostsAnswerWithoutStackTracesOrSql() {
        WebSession browser = new WebSession(port);
        browser.get("/login");
        String csrf = "_csrf=" + browser.csrf();
        var answers = new LinkedHashMap<String, Page>();
        String form = "application/x-www-form-urlencoded";
        answers.put("bad percent-encoding", browser.postRaw("/login", form, csrf + "&email=%zz&password=%"));
        answers.put("unknown charset", browser.postRaw("/login", form + "; charset=no-such", csrf + "&email=a"));
        answers.put("NUL in the email", browser.postRaw("/login", form, csrf + "&email=a%00b&password=x"));
        answers.put("JSON instead of a form", browser.postRaw("/login", "application/json", "{\"email\":1}"));
        answers.put(
                "huge email", browser.postRaw("/login", form, csrf + "&email=" + "a".repeat(100_000) + "&password=x"));

        answers.forEach((what, page) -> {
            assertThat(page.status()).as(what).isLessThan(500);
            assertThat(page.body())
                    .as(what)
                    .doesNotContain("Exception", "\tat ", "at org.", "at dev.baton", "SQL", "postgres", "select ");
        });
    }

    private static Session findSession(Context context, String id) {
        try {
            return context.getManager().findSession(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String directive(String policy, String name) {
        return List.of(policy.split(";")).stream()
                .map(String::strip)
                .filter(d -> d.startsWith(name + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(policy + " has no " + name));
    }

    /** Adds a rep with an initial password (one they must change), by the bootstrap admin token; returns their id. */
    private long addUser(String email, String initialPassword) {
        Response added = postJson(
                "/api/v1/users",
                "{\"email\":\"" + email + "\",\"roles\":[\"rep\"],\"password\":\"" + initialPassword + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("id").asLong();
    }

    /** A rep who has signed in once and changed the initial password to their own; returns their id. */
    private long readyUser(String email, String password) {
        long id = addUser(email, "an initial passphrase");
        WebSession browser = new WebSession(port);
        browser.signIn(email, "an initial passphrase");
        browser.get("/account/password");
        Page changed = browser.post(
                "/account/password",
                Map.of("current", "an initial passphrase", "password", password, "repeat", password));
        assertThat(changed.location()).as(changed.body()).isEqualTo("/?passwordChanged");
        return id;
    }
}
