package dev.baton.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.FakeIdentityProvider;
import dev.baton.testing.FakeIdentityProvider.Person;
import dev.baton.testing.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Signing in through an OpenID Connect provider, over real HTTP with a browser's hand-kept cookies: the person is let
 * in with the roles their groups give, added as a user at their first sign-in, their roles following their groups at
 * every sign-in after; someone whose groups give no role, or whom an admin disabled, is not let in.
 */
class SingleSignOnTest extends IntegrationTest {

    private static final String CLIENT_ID = "baton-test";
    private static final String CLIENT_SECRET = "s3cret-of-the-client";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Up before Baton starts: Spring reads the provider's discovery document when it builds the registration. */
    private static final FakeIdentityProvider IDP = FakeIdentityProvider.start(CLIENT_ID, CLIENT_SECRET);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.client.provider.test.issuer-uri", IDP::issuer);
        registry.add("spring.security.oauth2.client.registration.test.client-id", () -> CLIENT_ID);
        registry.add("spring.security.oauth2.client.registration.test.client-secret", () -> CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.registration.test.client-name", () -> "Northwind Identity");
        registry.add("spring.security.oauth2.client.registration.test.scope", () -> "openid,email,profile");
        registry.add("baton.sso.roles.field-reps", () -> "rep");
        registry.add("baton.sso.roles.sales-leads", () -> "sales_manager");
    }

    @AfterAll
    static void stopProvider() {
        IDP.close();
    }

    @Test
    void aPersonWhoseGroupGivesRepIsSignedInAndAddedAsARep() {
        var ana = new Person("sub-ana", "ana@northwind.example", "Ana Silva", List.of("everyone", "field-reps"));

        Browser browser = new Browser();
        URI landing = browser.signIn(ana);

        assertThat(landing.getPath()).isEqualTo("/");
        HttpResponse<String> home = browser.get(landing);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("ana@northwind.example").contains("Welcome, Ana Silva");
        JsonNode user = user("ana@northwind.example");
        assertThat(roles(user)).containsExactly("rep");
        assertThat(user.get("name").asString()).isEqualTo("Ana Silva");
        assertThat(user.get("lastSignIn").asString()).isEqualTo(clock.instant().toString());
        JsonNode added = auditOf("user.added", "user/ana@northwind.example");
        assertThat(added.get("source").asString()).isEqualTo("web");
        assertThat(added.get("via").asString()).isEqualTo("single sign-on");
        assertThat(added.at("/after/roles").asString()).isEqualTo("rep");
    }

    @Test
    void rolesFollowTheGroupsAtEachSignIn() {
        new Browser().signIn(new Person("sub-ben", "ben@northwind.example", "Ben Okafor", List.of("field-reps")));
        assertThat(roles(user("ben@northwind.example"))).containsExactly("rep");

        Browser later = new Browser();
        URI landing =
                later.signIn(new Person("sub-ben", "ben@northwind.example", "Ben Okafor", List.of("sales-leads")));

        assertThat(roles(user("ben@northwind.example"))).containsExactly("sales_manager");
        assertThat(later.get(landing).body()).contains("<strong>sales_manager</strong>");
        assertThat(auditOf("user.changed", "user/ben@northwind.example")
                        .get("via")
                        .asString())
                .isEqualTo("single sign-on");
    }

    @Test
    void aPersonWhoseGroupsGiveNoRoleIsNotLetIn() {
        Browser browser = new Browser();
        URI landing =
                browser.signIn(new Person("sub-cy", "cy@northwind.example", "Cy Park", List.of("everyone", "interns")));

        assertThat(landing.getPath()).isEqualTo("/login");
        assertThat(landing.getQuery()).isEqualTo("error");
        assertThat(browser.get(landing).body())
                .contains("cy@northwind.example has no Baton role: none of their &#39;groups&#39; is mapped to one");
        assertThat(browser.get(uri("/")).statusCode()).isEqualTo(302);
        assertThat(users()).noneMatch(u -> u.get("email").asString().equals("cy@northwind.example"));
    }

    @Test
    void aUserAnAdminDisabledCannotSignInThroughSingleSignOn() {
        var dee = new Person("sub-dee", "dee@northwind.example", "Dee Rao", List.of("field-reps"));
        new Browser().signIn(dee);
        long id = user("dee@northwind.example").get("id").asLong();
        assertThat(patch("/api/v1/users/" + id, "{\"disabled\":true}").status()).isEqualTo(200);

        Browser browser = new Browser();
        URI landing = browser.signIn(dee);

        assertThat(landing.getPath()).isEqualTo("/login");
        assertThat(landing.getQuery()).isEqualTo("error");
        assertThat(browser.get(landing).body()).contains("this account is disabled; ask an admin");
        assertThat(browser.get(uri("/")).statusCode()).isEqualTo(302);
    }

    @Test
    void theSignInPageListsTheProvider() {
        HttpResponse<String> page = new Browser().get(uri("/login"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<a href=\"/oauth2/authorization/test\">Northwind Identity</a>");
    }

    @Test
    void passwordSignInStillWorksBesideSingleSignOn() {
        assertThat(postJson(
                                "/api/v1/users",
                                "{\"email\":\"eve@northwind.example\",\"roles\":[\"rep\"],"
                                        + "\"password\":\"a long first password\"}")
                        .status())
                .isEqualTo(201);
        Browser browser = new Browser();

        URI refused = browser.signInWithPassword("eve@northwind.example", "not the password");
        assertThat(refused.getPath()).isEqualTo("/login");
        assertThat(refused.getQuery()).isEqualTo("error");
        URI landing = browser.signInWithPassword("eve@northwind.example", "a long first password");

        assertThat(landing.getPath()).isEqualTo("/");
        // a password an admin set is changed at the first sign-in
        assertThat(browser.redirect(landing, browser.get(landing)).getPath()).isEqualTo("/account/password");
    }

    private List<JsonNode> users() {
        Response users = get("/api/v1/users");
        assertThat(users.status()).isEqualTo(200);
        return StreamSupport.stream(users.json().spliterator(), false).toList();
    }

    private JsonNode user(String email) {
        return users().stream()
                .filter(u -> u.get("email").asString().equals(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no user " + email));
    }

    private static List<String> roles(JsonNode user) {
        return StreamSupport.stream(user.get("roles").spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    private JsonNode auditOf(String action, String subject) {
        Response audit = get("/api/v1/audit?action=" + action);
        assertThat(audit.status()).isEqualTo(200);
        return StreamSupport.stream(audit.json().get("entries").spliterator(), false)
                .filter(e -> e.get("subject").asString().equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " of " + subject + ": " + audit.body()));
    }

    /**
     * A browser that asks for pages, keeps each server's cookies, and follows no redirect by itself, so that the test
     * sees every step of the flow.
     */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(URI uri) {
            return send(uri, HttpRequest.newBuilder(uri).GET());
        }

        private HttpResponse<String> send(URI uri, HttpRequest.Builder request) {
            request.header("Accept", "text/html");
            Map<String, String> jar = cookies.getOrDefault(uri.getAuthority(), Map.of());
            if (!jar.isEmpty()) {
                request.header(
                        "Cookie",
                        String.join(
                                "; ",
                                jar.entrySet().stream()
                                        .map(c -> c.getKey() + "=" + c.getValue())
                                        .toList()));
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("Set-Cookie").forEach(header -> keep(uri, header));
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void keep(URI uri, String header) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            Map<String, String> jar = cookies.computeIfAbsent(uri.getAuthority(), a -> new LinkedHashMap<>());
            if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }

        /** Where a redirect sends the browser, and that it is one. */
        private URI redirect(URI from, HttpResponse<String> response) {
            assertThat(response.statusCode())
                    .as("a redirect from %s: %s", from, response.body())
                    .isEqualTo(302);
            return from.resolve(response.headers().firstValue("Location").orElseThrow());
        }

        HttpResponse<String> postForm(URI uri, Map<String, String> fields) {
            String form = String.join(
                    "&",
                    fields.entrySet().stream()
                            .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                            .toList());
            return send(
                    uri,
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** Fills in and sends the sign-in form; returns where Baton sends the browser. */
        URI signInWithPassword(String email, String password) {
            URI login = uri("/login");
            Matcher csrf = CSRF.matcher(get(login).body());
            assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
            return redirect(
                    login, postForm(login, Map.of("email", email, "password", password, "_csrf", csrf.group(1))));
        }

        /**
         * Goes through the authorization-code flow as this person: to Baton, on to the provider, back to Baton with
         * the code; returns where Baton sends the browser at the end.
         */
        URI signIn(Person person) {
            URI start = uri("/oauth2/authorization/test");
            URI authorize = redirect(start, get(start));
            assertThat(authorize.toString()).startsWith(IDP.issuer() + "/authorize?");
            Map<String, String> request = FakeIdentityProvider.query(authorize);
            assertThat(request)
                    .containsEntry("response_type", "code")
                    .containsEntry("client_id", CLIENT_ID)
                    .containsEntry(
                            "redirect_uri", uri("/login/oauth2/code/test").toString())
                    .containsKeys("state", "nonce");
            assertThat(request.get("scope").split(" ")).containsExactlyInAnyOrder("openid", "email", "profile");

            IDP.signsInNext(person);
            URI callback = redirect(authorize, get(authorize));
            assertThat(callback.toString()).startsWith(request.get("redirect_uri") + "?");
            assertThat(FakeIdentityProvider.query(callback))
                    .containsKey("code")
                    .containsEntry("state", request.get("state"));

            return redirect(callback, get(callback));
        }
    }
}
