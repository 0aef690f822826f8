package dev.baton.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.testing.IntegrationTest;
import dev.baton.testing.PageMappings;
import dev.baton.testing.PageMappings.Page;
import dev.baton.testing.WebSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No page or form, however it is filled, is answered with a 500: every page and form outside {@code /api} (found from
 * the handler mappings, so that a new one cannot be left out), sent by someone who may use them all, with fields of
 * the names the templates use and values from a seeded choice of awkward ones ({@code -Dfuzz.seed} to try another).
 * Its own class: what it sends changes the state other tests would rely on.
 */
// every page test signs in from the same address: the per-address throttle is SignInTest's to show
@TestPropertySource(properties = "baton.sign-in.attempts-per-minute=100000")
class PageFuzzTest extends IntegrationTest {

    private static final Pattern FIELD = Pattern.compile("name=\"(\\w+)\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private long lead;
    private int version;

    @BeforeEach
    void aBatonWithSomethingToReach() {
        version = activateExample("saas-north-america-europe.yaml");
        lead = postJson("/api/v1/leads", "{\"email\":\"" + unique("dana") + "@acme.example\"}")
                .json()
                .get("id")
                .asLong();
    }

    private List<Page> pages() {
        return PageMappings.of(mappings);
    }

    /** An admin who is also RevOps, a manager and a rep: every form is theirs to send. */
    private WebSession everyone() {
        return signedInOnPages(unique("everyone") + "@northwind.example", "admin", "revops", "sales_manager", "rep");
    }

    /** Every form field name any page uses, read from the templates, so that the fuzz fills the real forms. */
    private static List<String> fieldNames() throws IOException {
        var names = new TreeSet<String>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.toList()) {
                Matcher found = FIELD.matcher(Files.readString(template));
                while (found.find()) {
                    names.add(found.group(1));
                }
            }
        }
        names.remove("_csrf");
        return List.copyOf(names);
    }

    private static final List<String> VALUES = List.of(
            "",
            " ",
            "0",
            "-1",
            "1",
            "2147483648",
            "99999999999999999999999",
            "1.5",
            "NaN",
            "true",
            "on",
            "2026-13-45",
            "2026-12-01",
            "2026-12-01T09:00",
            "2026-12-01T09:00:00Z",
            "NOT_ICP",
            "call",
            "marketing",
            "sales",
            "admin",
            "rep",
            "alex.kim@northwind.example",
            "not an email",
            "na-mid-market",
            "'; drop table lead; --",
            "<script>alert(1)</script>",
            "../../etc/passwd",
            "\u0000",
            "\uD83D\uDE00 émoji",
            "x".repeat(5000),
            "agreement:\n  version: [\n");

    private String value(Random random) {
        return VALUES.get(random.nextInt(VALUES.size()));
    }

    /** A path with its variables filled at random: sometimes something that exists, sometimes not. */
    private String fuzzedPath(Page page, Random random) {
        return page.path(variable -> {
            List<String> choices = switch (variable) {
                case "number" -> List.of("" + version, "0", "-3", "999999", "abc");
                case "step" -> List.of("advance", "recycle", "disqualify", "explode", "");
                case "chart" -> List.of("funnel", "rejections", "nothing");
                default -> List.of("" + lead, "0", "-1", "99999999999999999999", "abc");
            };
            String chosen = choices.get(random.nextInt(choices.size()));
            return chosen.isEmpty() ? "x" : chosen;
        });
    }

    @Test
    void noFormIsAnswered500HoweverItIsFilled() throws IOException {
        long seed = Long.getLong("fuzz.seed", 20261203L);
        var random = new Random(seed);
        List<String> names = fieldNames();
        assertThat(names).contains("reasonCode", "email", "password", "rep");
        WebSession web = everyone();
        var failures = new ArrayList<String>();
        int sent = 0;
        for (Page page : pages()) {
            for (int round = 0; round < 25; round++) {
                var fields = new LinkedHashMap<String, String>();
                int count = random.nextInt(6);
                for (int i = 0; i < count; i++) {
                    fields.put(names.get(random.nextInt(names.size())), value(random));
                }
                String path = fuzzedPath(page, random);
                WebSession.Page answer = page.isForm() ? web.post(path, fields) : web.get(path + "?" + query(fields));
                sent++;
                if (answer.status() >= 500) {
                    failures.add(page + " as " + path + " with " + fields.keySet() + ": " + answer.status() + " "
                            + answer.body()
                                    .substring(0, Math.min(300, answer.body().length())));
                }
                if (answer.status() == 302 && answer.location().endsWith("/login")) {
                    web = everyone(); // a form that disabled this very user signs them out; carry on as another
                }
            }
        }

        assertThat(sent).isGreaterThan(500);
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    private static String query(Map<String, String> fields) {
        var query = new StringBuilder();
        fields.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }
}
