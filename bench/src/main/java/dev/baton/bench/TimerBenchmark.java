package dev.baton.bench;

import static dev.baton.bench.Report.format;

import com.sun.net.httpserver.HttpServer;
import dev.baton.testing.BatonProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SLA timers and the outbox under load: Baton in its own JVM ({@code -Xmx512m}) on a fresh embedded PostgreSQL,
 * with open MQLs whose accept clocks run, of which a share falls due at a fixed rate for a minute while events arrive
 * at 1,000 a second and MQL probes measure how soon a qualifying event shows. Every breach notifies a webhook
 * receiver in this JVM. Reports timer lateness (deadline → breach recorded), delivery latency (notice written →
 * received), and the MQL-visible p99 against the same run's phase without timers. bench/README.md says how to run it.
 */
public final class TimerBenchmark {

    private static final Path AGREEMENT = Path.of("examples/agreements/saas-north-america-europe.yaml");
    private static final Duration PROBES = Duration.ofMillis(100);
    private static final Duration LEAD_IN = Duration.ofSeconds(15);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final BatonProcess baton;
    private final Connection db;
    private final Report report = new Report();
    private final Instant now = Instant.now();
    private final SyntheticData data = new SyntheticData(42, now);
    private final int open = Integer.getInteger("timers.open", 100_000);
    private final int rate = Integer.getInteger("timers.rate", 200);
    private final int seconds = Integer.getInteger("timers.seconds", 60);
    private static final Optional<Path> PROFILE = Optional.ofNullable(System.getProperty("timers.profile"))
            .filter(folder -> !folder.isBlank())
            .map(Path::of);
    private static final String RECORDING = "timers";
    private static final boolean NOTICES = Boolean.parseBoolean(System.getProperty("timers.notices", "true"));

    private final ProcessMeter meter;
    private Optional<PostgresProfile> postgres = Optional.empty();

    private TimerBenchmark(BatonProcess baton, Connection db, ProcessMeter meter) {
        this.baton = baton;
        this.db = db;
        this.meter = meter;
    }

    public static void main(String[] args) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        Map<String, Long> received = new ConcurrentHashMap<>();
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), System.currentTimeMillis());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path dir = Files.createTempDirectory("baton-timers");
        var options = new ArrayList<>(List.of(
                "-Xmx512m",
                "-Dbaton.rescoring.worker=false",
                "-Dbaton.sla.interval=100ms",
                "-Dbaton.notifications.interval=100ms"));
        // -Dtimers.notices=false runs the timers with no channel configured: no notice is written or delivered
        if (NOTICES) {
            options.add("-Dbaton.notifications.webhook.url=http://localhost:"
                    + receiver.getAddress().getPort() + "/hook");
            options.add("-Dbaton.notifications.webhook.secret=bench-secret");
        }
        if (PROFILE.isPresent()) {
            // -Dtimers.profile=<folder>: the flight recorder and pg_stat_statements over the phase with timers
            options.add("-XX:StartFlightRecording:name=" + RECORDING + ",settings=profile");
            options.add("-XX:FlightRecorderOptions:stackdepth=256");
            try (BatonProcess first = BatonProcess.start(dir, options);
                    Connection db = first.database()) {
                PostgresProfile.loadAtNextStart(db);
            }
        }
        try (BatonProcess baton = BatonProcess.start(dir, options);
                Connection db = baton.database();
                ProcessMeter meter = new ProcessMeter(baton)) {
            var benchmark = new TimerBenchmark(baton, db, meter);
            if (PROFILE.isPresent()) {
                benchmark.postgres = Optional.of(new PostgresProfile(baton.database()));
            }
            benchmark.run(received);
            System.out.println();
            System.out.println(benchmark.report.markdown());
        } finally {
            receiver.stop(0);
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(Map<String, Long> deliveries) throws Exception {
        int version = baton.activateAgreement(agreement());
        log("%,d open MQLs with a running accept clock, %d falling due a second for %d s", open, rate, seconds);
        var bulk = new BulkLoad(db);
        BulkLoad.Ids leads = bulk.companiesAndLeads(data, open, open / 10, "open");
        runningClocks(leads, version);
        var probes = new MqlProbes(baton);
        int count = (int) (Duration.ofSeconds(seconds).toMillis() / PROBES.toMillis());
        probes.prepare(2 * count + 50, "timers");

        Latencies without;
        try (var load = LoadClients.thousandEventsASecond(baton, leads, now, "load")) {
            Pacing.after(Duration.ofSeconds(5));
            ProcessMeter.Cpu before = meter.cpu();
            long sent = load.events();
            without = probes.run(PROBES, count);
            report.cpu(
                    "MQL probes + 1,000 events/s, no timers",
                    meter.cpu().minus(before),
                    load.events() - sent + without.count());
        }
        Instant start = Instant.now().plus(LEAD_IN);
        dueAtRate(leads, start);
        Latencies with;
        Instant recording = Instant.now();
        if (postgres.isPresent()) {
            postgres.get().start();
        }
        try (var load = LoadClients.thousandEventsASecond(baton, leads, now, "load")) {
            Pacing.after(LEAD_IN);
            ProcessMeter.Cpu before = meter.cpu();
            long sent = load.events();
            with = probes.run(PROBES, count);
            report.cpu(
                    "MQL probes + 1,000 events/s, " + rate + " clocks due/s",
                    meter.cpu().minus(before),
                    load.events() - sent + with.count());
            Pacing.after(DRAIN);
        }
        if (PROFILE.isPresent()) {
            Path folder = Files.createDirectories(PROFILE.get());
            ProcessMeter.jcmd(
                    baton.pid(),
                    "JFR.dump",
                    "name=" + RECORDING,
                    "begin=" + recording,
                    "end=" + Instant.now(),
                    "filename=" + folder.resolve("with-timers.jfr"));
            Files.writeString(
                    folder.resolve("with-timers-postgres.txt"),
                    postgres.orElseThrow().report());
            postgres.get().close();
        }
        long[] late = lateness();
        List<Long> delivery = delivery(deliveries);
        int due = rate * seconds;
        report.info("clocks due during the run", format(late.length, 0) + " of " + due, "breaches recorded");
        report.atMost("timer lateness, p50", ms(percentile(late, 50)), percentile(late, 50), 1000, "—");
        report.atMost("timer lateness, p99", ms(percentile(late, 99)), percentile(late, 99), 1000, "≤ 1 s");
        long[] deliveredIn = delivery.stream().mapToLong(Long::longValue).toArray();
        if (!NOTICES) {
            report.info("delivery to a local receiver, p99", "—", "no channel configured");
        } else {
            report.atMost(
                    "delivery to a local receiver, p99",
                    ms(percentile(deliveredIn, 99)),
                    percentile(deliveredIn, 99),
                    2000,
                    "≤ 2 s");
        }
        double ratio = with.percentileMillis(99) / without.percentileMillis(99);
        report.atMost(
                "MQL visible p99 with timers vs without",
                format(with.percentileMillis(99), 1) + " ms vs " + format(without.percentileMillis(99), 1) + " ms",
                ratio,
                1.5,
                "≤ 1.5×");
    }

    /** The agreement's accept clock on a calendar that is always open, a breach notice to revops by webhook. */
    private static String agreement() throws IOException {
        String source = Files.readString(AGREEMENT);
        source = section(source, "calendar", """
                calendar:
                  timezone: UTC
                  hours: {monday: 00:00-24:00, tuesday: 00:00-24:00, wednesday: 00:00-24:00, thursday: 00:00-24:00,
                          friday: 00:00-24:00, saturday: 00:00-24:00, sunday: 00:00-24:00}
                """);
        source = section(source, "sla", "sla:\n  accept-within: 1d\n");
        return section(source, "notifications", """
                notifications:
                  - on: [breach]
                    notify: [revops]
                    via: [webhook]
                """);
    }

    private static String section(String source, String key, String replacement) {
        return Pattern.compile("(?ms)^" + key + ":.*?(?=^\\S|\\z)")
                .matcher(source)
                .replaceFirst(replacement + "\n");
    }

    /** Makes every bulk lead an open MQL of rep a, with an accept clock due in a day. */
    private void runningClocks(BulkLoad.Ids leads, int version) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("update lead set stage = 'MQL', cycle = 1, qualified_at = now(), qualified_with = " + version
                    + " where id between " + leads.first() + " and " + (leads.first() + leads.count() - 1));
            sql.execute("""
                    insert into sla_timer (lead_id, agreement_version, cycle, priority, qualified_at, owner, touched,
                                           next_due_at)
                    select id, %d, 1, false, now(), 'alex.kim@northwind.example', false, now() + interval '1 day'
                      from lead where id between %d and %d
                    """.formatted(version, leads.first(), leads.first() + leads.count() - 1));
            sql.execute("""
                    insert into sla_clock (lead_id, seq, cycle, kind, rep, span, started_at, deadline, state)
                    select lead_id, 0, 1, 'ACCEPT', owner, '1d', now(), next_due_at, 'RUNNING' from sla_timer
                    """);
            sql.execute("vacuum analyze sla_timer");
            sql.execute("vacuum analyze sla_clock");
        }
    }

    /** Brings the deadlines of {@code rate × seconds} of the clocks forward, {@code rate} a second from start. */
    private void dueAtRate(BulkLoad.Ids leads, Instant start) throws SQLException {
        int due = rate * seconds;
        try (Statement sql = db.createStatement()) {
            String at = "timestamptz '" + start + "' + (n - 1) * interval '1 second' / " + rate;
            sql.execute("""
                    with picked as (
                        select lead_id, row_number() over (order by lead_id) as n from sla_timer
                         order by lead_id limit %d)
                    update sla_clock c set deadline = %s
                      from picked where c.lead_id = picked.lead_id
                    """.formatted(due, at));
            sql.execute("""
                    update sla_timer t set next_due_at = c.deadline
                      from sla_clock c where c.lead_id = t.lead_id and c.deadline < now() + interval '1 hour'
                    """);
        }
    }

    /** How long after each deadline its breach was recorded, in ms. */
    private long[] lateness() throws SQLException {
        var late = new ArrayList<Long>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("""
                        select extract(epoch from (recorded_at - at)) * 1000 from lead_history
                         where type = 'ClockBreached'
                        """)) {
            while (rows.next()) {
                late.add(rows.getLong(1));
            }
        }
        return late.stream().mapToLong(Long::longValue).toArray();
    }

    /** For each breach notice, ms from being written to being received. */
    private List<Long> delivery(Map<String, Long> deliveries) throws SQLException {
        var latencies = new ArrayList<Long>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(
                        "select key, extract(epoch from created_at) * 1000 from notification where kind = 'BREACH'")) {
            while (rows.next()) {
                Long at = deliveries.get(rows.getString(1));
                if (at != null) {
                    latencies.add(at - rows.getLong(2));
                }
            }
        }
        return latencies;
    }

    private static double percentile(long[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percent / 100 * sorted.length) - 1)];
    }

    private static String ms(double value) {
        return format(value, 0) + " ms";
    }

    private static void log(String format, Object... args) {
        System.out.printf("[timers] " + format + "%n", args);
    }
}
