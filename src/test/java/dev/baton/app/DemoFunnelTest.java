package dev.baton.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.adapter.holidays.JollydayHolidays;
import dev.baton.adapter.yaml.AgreementYamlReader;
import dev.baton.core.agreement.Agreement;
import dev.baton.core.demo.DemoPlan;
import dev.baton.core.demo.DemoPlanner;
import dev.baton.core.demo.Move;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code baton demo} on a fresh embedded database: the generated funnel, the figures it gives, the demo users. */
class DemoFunnelTest {

    private static final String TOKEN = "demo-test";
    private static final Instant UNTIL = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext baton;
    private static JdbcClient jdbc;
    private static int port;
    private static long seedingMillis;

    @BeforeAll
    static void startTheDemo() {
        long started = System.nanoTime();
        baton = new SpringApplicationBuilder(BatonServer.class)
                .properties(
                        "server.port=0",
                        "baton.data.dir=" + dataDir,
                        "baton.api.token=" + TOKEN,
                        "baton.demo=true",
                        "baton.demo.until=" + UNTIL,
                        "baton.escalations.worker=false")
                .run();
        seedingMillis = (System.nanoTime() - started) / 1_000_000;
        jdbc = baton.getBean(JdbcClient.class);
        port = ((WebServerApplicationContext) baton).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (baton != null) {
            baton.close();
        }
    }

    private static DemoPlan plan() throws IOException {
        String source = Files.readString(Path.of("examples/agreements/saas-north-america-europe.yaml"));
        Agreement agreement = new AgreementYamlReader(new JollydayHolidays())
                .read(source, "example")
                .orThrow();
        return DemoPlanner.plan(agreement, DemoPlanner.DEFAULT_SEED, UNTIL, 5, 2400);
    }

    @Test
    void theSeedsPlanIsWhatTheDatabaseHolds() throws IOException {
        DemoPlan plan = plan();
        System.out.println("baton demo started, with its funnel written, in " + seedingMillis + " ms");

        assertThat(count("select count(*) from lead")).isEqualTo(plan.leads().size());
        assertThat(grouped("select profile->>'lead.source' as k, count(*) as n from lead group by 1"))
                .isEqualTo(plan.leadsBySource());
        assertThat(count("select count(*) from funnel_cycle where qualified_at is not null"))
                .isEqualTo(plan.qualifications().size());
        assertThat(count("select count(*) from funnel_cycle where won_at is not null"))
                .isEqualTo(plan.count(Move.Win.class));
        assertThat(count("select count(*) from funnel_cycle where lost_at is not null"))
                .isEqualTo(plan.count(Move.Lose.class));
        assertThat(count("select count(*) from funnel_cycle where opportunity_at is not null"))
                .isEqualTo(plan.count(Move.Open.class));
        assertThat(grouped("select rejected_reason as k, count(*) as n from funnel_cycle"
                        + " where rejected_at is not null and rejected_reason <> 'NO_RESPONSE' group by 1"))
                .isEqualTo(plan.rejectionsByReason());
    }

    @Test
    void theFunnelHasWhatTheDashboardShows() {
        YearMonth now = YearMonth.from(UNTIL.atZone(ZoneOffset.UTC));
        Map<String, Long> mqlsByMonth = grouped(
                "select to_char(qualified_at at time zone 'UTC', 'YYYY-MM') as k, count(*) as n from funnel_cycle"
                        + " where qualified_at is not null group by 1");
        for (int back = 0; back < 5; back++) {
            assertThat(mqlsByMonth.getOrDefault(now.minusMonths(back).toString(), 0L))
                    .as("MQLs in %s", now.minusMonths(back))
                    .isPositive();
        }
        assertThat(grouped("select team as k, count(*) as n from funnel_cycle where rep is not null group by 1"))
                .containsKeys("na-mid-market", "europe");
        assertThat(
                        grouped(
                                "select rejected_reason as k, count(*) as n from funnel_cycle where rejected_at is not null group by 1"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from funnel_cycle where accept_breached + first_touch_breached > 0"))
                .isPositive();
        assertThat(count("select count(*) from lead_history where type = 'LeadReassigned' and actor = 'sla'"))
                .isPositive();
        assertThat(count("select count(*) from lead_history where type = 'LeadReassigned' and actor <> 'sla'"))
                .isPositive();
        assertThat(count("select count(*) from funnel_cycle where cycle = 2 and qualified_at is not null"))
                .isPositive();
        assertThat(count("select count(*) from funnel_cycle where won_at is not null and amount > 0"))
                .isPositive();
        assertThat(count("select count(*) from funnel_cycle where lost_at is not null and amount > 0"))
                .isPositive();
        assertThat(count("select count(*) from lead where stage = 'MQL'")).isPositive();
    }

    @Test
    void theFunnelAndTheScorecardGiveFigures() {
        JsonNode funnel = api("/api/v1/funnel");
        JsonNode scorecard = api("/api/v1/scorecard");

        assertThat(funnel.toString()).matches(".*\"count\":[1-9].*");
        assertThat(scorecard.toString()).matches(".*\"value\":[1-9].*");
    }

    @Test
    void everyDemoUserSignsInWithTheDemoPassword() throws Exception {
        JsonNode users = api("/api/v1/users");
        var roles = new TreeMap<String, String>();
        users.forEach(user ->
                roles.put(user.get("email").asString(), user.get("roles").toString()));
        assertThat(String.join(" ", roles.values())).contains("admin", "revops", "marketing", "sales_manager", "rep");

        for (String email : List.of(
                "admin@northwind.example",
                "revops@northwind.example",
                "maria.lopez@northwind.example",
                "jordan.lee@northwind.example",
                "alex.kim@northwind.example")) {
            assertThat(signIn(email, DemoSeeder.PASSWORD)).as(email).isEqualTo("/");
        }
        assertThat(signIn("alex.kim@northwind.example", "not-the-password")).isEqualTo("/login?error");
    }

    @Test
    void aSecondStartWritesNothing() throws Exception {
        long leads = count("select count(*) from lead");
        long history = count("select count(*) from lead_history");

        baton.getBean(DemoSeeder.class).run(null);

        assertThat(count("select count(*) from lead")).isEqualTo(leads);
        assertThat(count("select count(*) from agreement_version")).isEqualTo(1);
        assertThat(count("select count(*) from lead_history")).isGreaterThanOrEqualTo(history);
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Map<String, Long> grouped(String sql) {
        return jdbc.sql(sql).query((row, n) -> Map.entry(row.getString("k"), row.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
    }

    private static JsonNode api(String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", "Bearer " + TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the page's form, with its CSRF token and cookies; returns where Baton sends the browser. */
    private static String signIn(String email, String password) throws Exception {
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
        var form = new LinkedHashMap<String, String>();
        form.put("email", email);
        form.put("password", password);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String cookies = page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";")[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> sent = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", cookies)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return sent.headers()
                .firstValue("Location")
                .orElse("status " + sent.statusCode())
                .replaceFirst("^https?://[^/]+", "");
    }
}
