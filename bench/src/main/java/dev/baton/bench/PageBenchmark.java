package dev.baton.bench;

import static dev.baton.bench.Report.format;

import dev.baton.testing.BatonProcess;
import dev.baton.testing.WebSession;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The web pages' server time: Baton in its own JVM ({@code -Xmx512m}) on a fresh embedded PostgreSQL, first with
 * {@code baton demo}'s generated funnel, then with {@code pages.leads} leads (1,000,000) and their funnel history
 * written as the funnel keeps it ({@link FunnelHistory}) plus a few hundred MQLs qualified and routed through the API
 * so that the queues hold live leads. Each page is asked for by a signed-in user over a kept session, {@code
 * pages.runs} times after {@code pages.warmup} unmeasured asks, and its p50 and p99 stand beside the same of the API
 * calls that give the page's figures, timed in the same run the same way: the baseline. The dashboard is timed three
 * times: as the page keeps a view while the funnel does not change; with the funnel's change number stepped before
 * each ask, so that each ask finds its view stale (computed again while it waits up to {@code baton.dashboard.wait},
 * then in the background); and with filters nobody asked for before, computed while the asker waits.
 * bench/README.md says how to run it.
 */
public final class PageBenchmark {

    private static final Path AGREEMENT = Path.of("examples/agreements/saas-north-america-europe.yaml");
    private static final String DEMO_PASSWORD = "northwind-demo";
    private static final String PASSWORD = "bench-password-for-pages";
    private static final String REVOPS = "revops@northwind.example";
    private static final String MANAGER = "jordan.lee@northwind.example";
    private static final String REP = "alex.kim@northwind.example";
    private static final String ADMIN = "admin@northwind.example";
    private static final Pattern LEAD_LINK = Pattern.compile("href=\"/leads/(\\d+)\"");
    private static final Pattern VERSION_LINK = Pattern.compile("href=\"/agreement/(\\d+)\"");
    private static final double TARGET_MS = 300;
    private static final Runnable NOTHING = () -> {};
    private static final String START = "2026-01-01";
    private static final java.time.LocalDate END = java.time.LocalDate.of(2026, 6, 30);

    private final int runs = Integer.getInteger("pages.runs", 30);
    private final int warmup = Integer.getInteger("pages.warmup", 5);
    private final long leads = Long.getLong("pages.leads", 1_000_000);
    private final long events = Long.getLong("pages.events", 2_000_000);
    private final int live = Integer.getInteger("pages.live", 400);
    /** Views computed while their asker waits: each takes the whole computation, so fewer of them. */
    private final int newViews = Integer.getInteger("pages.new-views", 10);

    private final List<String> rows = new ArrayList<>();
    private final Report report = new Report();

    public static void main(String[] args) throws Exception {
        new PageBenchmark().run();
    }

    private void run() throws Exception {
        if (Boolean.parseBoolean(System.getProperty("pages.demo", "true"))) {
            demo();
        }
        million();
        System.out.println();
        System.out.println(report.markdown());
        System.out.println(
                "| data | page | as | page p50 | page p99 | API calls | API p50 | API p99 | page p99 / API p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** {@code baton demo}'s own funnel: the pages as a new user first sees them. */
    private void demo() throws Exception {
        Path dir = Files.createTempDirectory("baton-pages-demo");
        try (BatonProcess baton = BatonProcess.start(dir, List.of("-Xmx512m", "-Dbaton.demo=true"))) {
            log("demo funnel ready");
            Map<String, WebSession> people = new LinkedHashMap<>();
            for (String email : List.of(REVOPS, MANAGER, REP, ADMIN)) {
                people.put(email, signedIn(baton, email, DEMO_PASSWORD));
            }
            pages(baton, "demo", people, "");
        } finally {
            delete(dir);
        }
    }

    /**
     * A million leads of history, the dashboard asked for the half year they fill, and live MQLs in the queues. With
     * {@code pages.dir} the data stays in that folder and a later run with the same folder starts from it, which
     * takes the half hour of writing out of a profiling session.
     */
    private void million() throws Exception {
        String kept = System.getProperty("pages.dir", "");
        Path dir = kept.isEmpty() ? Files.createTempDirectory("baton-pages-million") : Path.of(kept);
        Path ready = dir.resolve("pages-ready");
        List<String> options =
                List.of("-Xmx512m", "-Dbaton.rescoring.worker=false", "-Dbaton.escalations.worker=false");
        try {
            if (!Files.exists(ready)) {
                written(dir, options);
                Files.writeString(ready, leads + " leads");
            }
            try (BatonProcess baton = BatonProcess.start(dir, options)) {
                Map<String, WebSession> people = new LinkedHashMap<>();
                for (String email : List.of(REVOPS, MANAGER, REP, ADMIN)) {
                    people.put(email, signedIn(baton, email, PASSWORD + "!"));
                }
                pages(baton, "%,d leads".formatted(leads), people, "from=" + START + "&to=" + END);
            }
        } finally {
            if (kept.isEmpty()) {
                delete(dir);
            }
        }
    }

    /** Writes the history, qualifies and routes the live MQLs, and makes a user of each role with their password. */
    private void written(Path dir, List<String> options) throws Exception {
        try (BatonProcess baton = BatonProcess.start(dir, options);
                Connection db = baton.database()) {
            int version = baton.activateAgreement(Files.readString(AGREEMENT));
            FunnelHistory.write(db, version, leads, events, "pages");
        }
        try (BatonProcess baton = BatonProcess.start(dir, options)) {
            var probes = new MqlProbes(baton);
            probes.prepare(live, "pages");
            probes.run(Duration.ofMillis(5), live);
            log("%,d live MQLs qualified and routed", live);
            for (var person : Map.of(REVOPS, "revops", MANAGER, "sales_manager", REP, "rep", ADMIN, "admin")
                    .entrySet()) {
                baton.postJson(
                        "/api/v1/users",
                        "{\"email\":\"%s\",\"name\":\"%s\",\"roles\":[\"%s\"],\"password\":\"%s\"}"
                                .formatted(person.getKey(), person.getKey(), person.getValue(), PASSWORD));
            }
            for (String email : List.of(REVOPS, MANAGER, REP, ADMIN)) {
                WebSession session = signedIn(baton, email, PASSWORD);
                // a password an admin set is changed at the first sign-in, before any other page opens
                session.get("/account/password");
                session.post(
                        "/account/password",
                        Map.of("current", PASSWORD, "password", PASSWORD + "!", "repeat", PASSWORD + "!"));
            }
        }
    }

    private void pages(BatonProcess baton, String data, Map<String, WebSession> people, String period)
            throws Exception {
        String query = period.isEmpty() ? "" : "?" + period;
        WebSession revops = people.get(REVOPS);
        page(baton, data, people, REVOPS, "dashboard, kept", "/" + query, dashboardCalls(baton, period), NOTHING);
        // the same view after every change to the funnel: each ask computes all its figures again
        try (Connection db = baton.database();
                var step = db.prepareStatement("select nextval('funnel_changes')")) {
            Runnable change = () -> {
                try {
                    step.executeQuery().close();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            page(
                    baton,
                    data,
                    people,
                    REVOPS,
                    "dashboard, after each change",
                    "/" + query,
                    dashboardCalls(baton, period),
                    change);
        }
        // a view nobody has asked for yet, each ask a period a day shorter: computed while the asker waits
        java.time.LocalDate last = period.isEmpty() ? java.time.LocalDate.of(2030, 12, 31) : END;
        String first = period.isEmpty() ? "2020-01-01" : START;
        page(
                baton,
                data,
                people,
                REVOPS,
                "dashboard, new filters",
                "/?from=" + first + "&to=…",
                i -> "/?from=" + first + "&to=" + last.minusDays(i + 1),
                dashboardCalls(baton, period),
                NOTHING,
                0,
                newViews);
        String queue = revops.get("/queue").body();
        long lead = first(LEAD_LINK, queue);
        for (var viewer : List.of(REP, MANAGER, REVOPS)) {
            page(
                    baton,
                    data,
                    people,
                    viewer,
                    "queue",
                    "/queue",
                    queueCalls(baton, viewer.equals(REVOPS) ? "" : viewer));
        }
        page(
                baton,
                data,
                people,
                REVOPS,
                "lead page",
                "/leads/" + lead,
                List.of("/api/v1/leads/" + lead, "/api/v1/leads/" + lead + "/timeline"));
        page(baton, data, people, REVOPS, "weekly review", "/review", List.of("/api/v1/reviews?state=open"));
        page(
                baton,
                data,
                people,
                REVOPS,
                "agreement",
                "/agreement",
                List.of("/api/v1/agreements", "/api/v1/agreements/active"));
        long version = first(VERSION_LINK, revops.get("/agreement").body());
        page(
                baton,
                data,
                people,
                REVOPS,
                "agreement version",
                "/agreement/" + version,
                List.of("/api/v1/agreements/" + version));
        page(baton, data, people, REVOPS, "teams", "/team", List.of("/api/v1/teams"));
        page(
                baton,
                data,
                people,
                ADMIN,
                "admin",
                "/admin",
                List.of("/api/v1/users", "/api/v1/tokens", "/api/v1/notifications?state=dead"));
    }

    /** The metrics questions the dashboard answers, as the API asks them: each chart's, and the scorecard. */
    private static List<String> dashboardCalls(BatonProcess baton, String period) throws Exception {
        String and = period.isEmpty() ? "" : "&" + period;
        String only = period.isEmpty() ? "" : "?" + period;
        var calls = new ArrayList<String>(List.of(
                "/api/v1/scorecard" + only,
                "/api/v1/funnel" + only,
                "/api/v1/metrics/mqls-per-week?by=week" + and,
                "/api/v1/metrics/rejected-mqls?by=reason" + and,
                "/api/v1/metrics/rejected-mqls?by=month" + and,
                "/api/v1/metrics/sla-compliance?by=rep" + and,
                "/api/v1/metrics/sla-compliance?by=team" + and,
                "/api/v1/metrics/median-response-time?by=week" + and,
                "/api/v1/metrics/average-response-time?by=week" + and,
                "/api/v1/metrics/mqls?by=response" + and));
        // the rejections chart asks each reason given in the period by month
        baton.getJson("/api/v1/metrics/rejected-mqls?by=reason" + and)
                .path("parts")
                .valueStream()
                .filter(part -> part.path("count").asLong() > 0
                        && !part.path("key").asString().equals("(none)"))
                .forEach(part -> calls.add("/api/v1/metrics/rejected-mqls?by=month&reason="
                        + java.net.URLEncoder.encode(
                                part.path("key").asString(), java.nio.charset.StandardCharsets.UTF_8)
                        + and));
        return calls;
    }

    /** What a client of the API asks to build the same queue: the open leads, then each one's details and clocks. */
    private static List<String> queueCalls(BatonProcess baton, String owner) throws Exception {
        String search = "/api/v1/leads?stage=mql,accepted&limit=200" + (owner.isEmpty() ? "" : "&owner=" + owner);
        var calls = new ArrayList<String>();
        calls.add(search);
        baton.getJson(search)
                .path("leads")
                .valueStream()
                .forEach(found -> calls.add("/api/v1/leads/" + found.path("id").asLong()));
        return calls;
    }

    private void page(
            BatonProcess baton,
            String data,
            Map<String, WebSession> people,
            String as,
            String name,
            String path,
            List<String> calls)
            throws Exception {
        page(baton, data, people, as, name, path, calls, NOTHING);
    }

    /** A page asked for {@code runs} times, {@code before} run (untimed) before each ask. */
    private void page(
            BatonProcess baton,
            String data,
            Map<String, WebSession> people,
            String as,
            String name,
            String path,
            List<String> calls,
            Runnable before)
            throws Exception {
        page(baton, data, people, as, name, path, i -> path, calls, before, warmup, runs);
    }

    /** A page asked for at the path {@code ask} gives for each ask (numbered from 0, the warm-up's first). */
    private void page(
            BatonProcess baton,
            String data,
            Map<String, WebSession> people,
            String as,
            String name,
            String path,
            IntFunction<String> ask,
            List<String> calls,
            Runnable before,
            int warmups,
            int asks)
            throws Exception {
        WebSession session = people.get(as);
        for (int i = 0; i < warmups; i++) {
            before.run();
            ask(session, ask.apply(i));
            for (String call : calls) {
                call(baton, call);
            }
        }
        var page = new Latencies();
        var api = new Latencies();
        for (int i = 0; i < asks; i++) {
            before.run();
            String at = ask.apply(warmups + i);
            long start = System.nanoTime();
            ask(session, at);
            page.record(System.nanoTime() - start);
            start = System.nanoTime();
            for (String call : calls) {
                call(baton, call);
            }
            api.record(System.nanoTime() - start);
        }
        double p99 = page.percentileMillis(99);
        rows.add("| %s | %s `%s` | %s | %s | %s | %d | %s | %s | %s |"
                .formatted(
                        data,
                        name,
                        path,
                        as,
                        ms(page.percentileMillis(50)),
                        ms(p99),
                        calls.size(),
                        ms(api.percentileMillis(50)),
                        ms(api.percentileMillis(99)),
                        format(p99 / api.percentileMillis(99), 2) + "×"));
        if (!data.equals("demo")) {
            report.atMost(name + " " + path + " as " + as + ", p99", ms(p99), p99, TARGET_MS, "≤ 300 ms");
        }
        log("%s %s as %s: p50 %s, p99 %s", data, path, as, ms(page.percentileMillis(50)), ms(p99));
    }

    private static void ask(WebSession session, String path) {
        WebSession.Page page = session.get(path);
        if (page.status() != 200) {
            throw new IllegalStateException(path + " answered " + page.status() + ": " + page.body());
        }
    }

    private static void call(BatonProcess baton, String path) throws Exception {
        HttpResponse<String> response = baton.send(baton.request(path).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static WebSession signedIn(BatonProcess baton, String email, String password) {
        var session = new WebSession(baton.port());
        session.get("/login");
        WebSession.Page signedIn = session.signIn(email, password);
        if (signedIn.status() != 302 || signedIn.location().startsWith("/login")) {
            throw new IllegalStateException(
                    email + " could not sign in: " + signedIn.status() + " " + signedIn.location());
        }
        return session;
    }

    private static long first(Pattern link, String html) {
        Matcher found = link.matcher(html);
        if (!found.find()) {
            throw new IllegalStateException("no link like " + link.pattern() + " on the page");
        }
        return Long.parseLong(found.group(1));
    }

    private static String ms(double millis) {
        return format(millis, 1) + " ms";
    }

    private static void delete(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[pages] " + format + "%n", args);
    }
}
