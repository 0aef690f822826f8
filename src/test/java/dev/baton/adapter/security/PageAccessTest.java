package dev.baton.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.DatabaseWrites;
import dev.baton.testing.IntegrationTest;
import dev.baton.testing.PageMappings;
import dev.baton.testing.PageMappings.Page;
import dev.baton.testing.RawHttp;
import dev.baton.testing.WebSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages under the same check as the API, whatever the spelling of their path. Every page and form Baton serves
 * outside {@code /api} — found from the handler mappings, so that a new one cannot be left out — sends whoever is not
 * signed in to the sign-in page, refuses a form without its CSRF token even from someone signed in, and then has
 * written nothing; and no form, however it is filled, is answered with a 500.
 */
// every page test signs in from the same address: the per-address throttle is SignInTest's to show
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class PageAccessTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private RawHttp http;
    private long lead;
    private int version;

    @BeforeEach
    void aBatonWithSomethingToReach() {
        http = new RawHttp(port);
        version = activateExample("saas-north-america-europe.yaml");
        lead = postJson("/api/v1/leads", "{\"email\":\"" + unique("dana") + "@acme.example\"}")
                .json()
                .get("id")
                .asLong();
    }

    private List<Page> pages() {
        return PageMappings.of(mappings);
    }

    private String path(Page page) {
        return page.path(variable -> switch (variable) {
            case "number" -> "" + version;
            case "step" -> "recycle";
            case "chart" -> "funnel";
            default -> "" + lead;
        });
    }

    /** The spellings of a page's path a reader could take for the path itself. */
    private static Map<String, UnaryOperator<String>> spellings() {
        var s = new LinkedHashMap<String, UnaryOperator<String>>();
        s.put("plain", p -> p);
        s.put("trailing slash", p -> p + "/");
        s.put("double slash", p -> "/" + p);
        s.put("; at the end", p -> p + ";jsessionid=1");
        s.put("upper case", p -> p.toUpperCase(java.util.Locale.ROOT));
        s.put("dot segment", p -> "/." + p);
        s.put("dot-dot segment", p -> "/x/.." + p);
        s.put(
                "encoded last letter",
                p -> p.length() < 2
                        ? p + "%2F"
                        : p.substring(0, p.length() - 1) + "%" + String.format("%02X", (int) p.charAt(p.length() - 1)));
        s.put("encoded NUL", p -> p + "%00");
        s.put("absolute form", p -> "http://localhost" + p);
        return s;
    }

    @Test
    void everyPageSendsThoseNotSignedInToSignInAndEveryFormIsRefusedAndNothingIsWritten() {
        List<Page> pages = pages();
        assertThat(pages).hasSizeGreaterThan(25);
        long nextTransaction = DatabaseWrites.nextTransaction(jdbc);
        Map<String, String> tables = DatabaseWrites.tables(jdbc);
        var letThrough = new ArrayList<String>();
        for (Page page : pages) {
            for (Map.Entry<String, UnaryOperator<String>> spelling : spellings().entrySet()) {
                String target = spelling.getValue().apply(path(page));
                boolean form = page.isForm();
                var headers = new LinkedHashMap<String, String>();
                headers.put("Accept", "text/html");
                if (form) {
                    headers.put("Content-Type", "application/x-www-form-urlencoded");
                }
                byte[] body = form
                        ? "note=x&reasonCode=NOT_ICP".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : new byte[0];
                RawHttp.Response response = http.send(page.method(), target, headers, body);
                boolean toSignIn = response.status() == 302
                        && response.headers().getOrDefault("location", "").endsWith("/login");
                boolean refused = toSignIn
                        || response.status() == 400
                        || response.status() == 401
                        || response.status() == 403
                        || (response.status() == 404 && !spelling.getKey().equals("plain"));
                if (!refused) {
                    letThrough.add(page + " spelt '" + spelling.getKey() + "' (" + target + "): " + response.status()
                            + " " + response.body());
                }
                if (spelling.getKey().equals("plain")) {
                    assertThat(form ? response.status() == 403 : toSignIn)
                            .as(page + ": " + response.status() + " " + response.headers())
                            .isTrue();
                }
            }
        }

        assertThat(letThrough).isEmpty();
        assertThat(DatabaseWrites.tables(jdbc)).isEqualTo(tables);
        assertThat(DatabaseWrites.nextTransaction(jdbc))
                .as("no transaction took an id, so none wrote anything")
                .isEqualTo(nextTransaction);
    }

    /** An admin who is also RevOps, a manager and a rep: every form is theirs to send. */
    private WebSession everyone() {
        return signedInOnPages(unique("everyone") + "@northwind.example", "admin", "revops", "sales_manager", "rep");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedEvenFromSomeoneSignedInAndChangesNothing() {
        WebSession web = everyone();
        long nextTransaction = DatabaseWrites.nextTransaction(jdbc);
        Map<String, String> tables = DatabaseWrites.tables(jdbc);
        var letThrough = new ArrayList<String>();
        for (Page page : pages()) {
            if (!page.isForm()) {
                continue;
            }
            WebSession.Page answer = web.postWithoutCsrf(path(page), Map.of("reasonCode", "NOT_ICP", "note", "x"));
            if (answer.status() != 403) {
                letThrough.add(page + ": " + answer.status());
            }
        }

        assertThat(letThrough).isEmpty();
        assertThat(DatabaseWrites.tables(jdbc)).isEqualTo(tables);
        assertThat(DatabaseWrites.nextTransaction(jdbc)).isEqualTo(nextTransaction);
    }

    @Test
    void aPageParameterNoTextCanHoldIsRefusedWith400NamingItAndNothingIsWritten() {
        WebSession web = everyone();
        long nextTransaction = DatabaseWrites.nextTransaction(jdbc);
        Map<String, String> tables = DatabaseWrites.tables(jdbc);

        WebSession.Page filtered = web.get("/?source=web%00inar");
        WebSession.Page sent = web.post(
                "/admin/users", Map.of("email", "new.rep@northwind.example", "name", "New\u0000Rep", "roles", "rep"));

        assertThat(filtered.status()).isEqualTo(400);
        assertThat(filtered.body()).contains("\"field\":\"source\"", "NUL");
        assertThat(sent.status()).isEqualTo(400);
        assertThat(sent.body()).contains("\"field\":\"name\"", "NUL");
        assertThat(DatabaseWrites.tables(jdbc)).isEqualTo(tables);
        assertThat(DatabaseWrites.nextTransaction(jdbc)).isEqualTo(nextTransaction);
    }
}
