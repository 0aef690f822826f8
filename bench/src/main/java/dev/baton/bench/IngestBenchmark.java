package dev.baton.bench;

import static dev.baton.bench.Report.format;
import static dev.baton.bench.Report.mib;

import dev.baton.testing.BatonProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Baton's ingest end to end: Baton runs as its own JVM ({@code -Xmx512m}) on a fresh embedded PostgreSQL with the
 * first example agreement active, and is driven over HTTP with synthetic data. In one run it measures ingest
 * throughput against COPY, the time until a qualifying event shows its lead as an MQL under a steady load, rescoring
 * a large data set after an agreement change with live ingest going on, and memory; then prints the results against
 * the targets of issue 3 as Markdown. bench/README.md says how to run it and what each number means.
 */
public final class IngestBenchmark {

    private static final Path AGREEMENT = Path.of("examples/agreements/saas-north-america-europe.yaml");
    private static final Duration FAST_PROBES = Duration.ofMillis(20);
    private static final Duration SLOW_PROBES = Duration.ofMillis(100);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final int WARM_PROBES = 300;
    // at one probe every SLOW_PROBES, enough for the baseline and five minutes of rescoring
    private static final int RESCORING_PROBES = 3_300;
    private static final Duration BASELINE = Duration.ofSeconds(30);
    private static final String RECORDING = "ingest";
    private static final Duration RECENT = Duration.ofDays(30);
    // the JIT has settled when it compiles for less than this share of the time
    private static final double SETTLED = 0.05;

    /** The run's size, from system properties ({@code -Dingest.leads=10000}, …); the defaults are the full size. */
    record Settings(
            int threads,
            int batchThreads,
            Duration warmUp,
            Duration phase,
            int poolLeads,
            int probes,
            int leads,
            long events,
            Duration rescoringLimit,
            Optional<Path> profile) {
        static Settings fromSystemProperties() {
            String profile = System.getProperty("ingest.profile", "");
            return new Settings(
                    Integer.getInteger("ingest.threads", 16),
                    Integer.getInteger("ingest.batchThreads", 4),
                    Duration.ofSeconds(Integer.getInteger("ingest.warmUpSeconds", 600)),
                    Duration.ofSeconds(Integer.getInteger("ingest.seconds", 30)),
                    Integer.getInteger("ingest.pool", 20_000),
                    Integer.getInteger("ingest.probes", 2_000),
                    Integer.getInteger("ingest.leads", 1_000_000),
                    Long.getLong("ingest.events", 20_000_000),
                    Duration.ofSeconds(Long.getLong("ingest.rescoringLimit", 1800)),
                    profile.isBlank() ? Optional.empty() : Optional.of(Path.of(profile)));
        }
    }

    /** A way of sending events: how many per request, from how many client threads. */
    private record Ingest(String name, String tag, int perRequest, int threads) {}

    private final Settings settings;
    private final BatonProcess baton;
    private final BulkLoad bulk;
    private final ProcessMeter meter;
    private final Instant now = Instant.now();
    private final SyntheticData data = new SyntheticData(42, now);
    private final Report report = new Report();
    private final long started = System.nanoTime();
    private Instant recordingSince = Instant.now();
    private Optional<PostgresProfile> postgresProfile = Optional.empty();

    private IngestBenchmark(Settings settings, BatonProcess baton, BulkLoad bulk, ProcessMeter meter) {
        this.settings = settings;
        this.baton = baton;
        this.bulk = bulk;
        this.meter = meter;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path dir = Files.createTempDirectory("baton-ingest-");
        try {
            if (settings.profile().isPresent()) {
                try (BatonProcess first = BatonProcess.start(dir, jvmOptions(settings));
                        Connection db = first.database()) {
                    PostgresProfile.loadAtNextStart(db);
                }
            }
            try (BatonProcess baton = BatonProcess.start(dir, jvmOptions(settings));
                    Connection db = baton.database();
                    ProcessMeter meter = new ProcessMeter(baton)) {
                var benchmark = new IngestBenchmark(settings, baton, new BulkLoad(db), meter);
                benchmark.run();
                System.out.println();
                System.out.println(benchmark.report.markdown());
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static List<String> jvmOptions(Settings settings) {
        var jvm = new ArrayList<>(List.of("-Xmx512m", "-Dmanagement.endpoints.web.exposure.include=health,metrics"));
        // more options for the server, to try settings: -Dingest.batonOptions="-Dbaton.ingest.writers=1"
        for (String option : System.getProperty("ingest.batonOptions", "").split(" ")) {
            if (!option.isBlank()) {
                jvm.add(option);
            }
        }
        if (settings.profile().isPresent()) {
            // recording from the start: starting a recording later sends the JIT compilers back to work for minutes
            jvm.add("-XX:StartFlightRecording:name=" + RECORDING + ",settings=profile");
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        return jvm;
    }

    private void run() throws Exception {
        log("Baton (pid %d) is up; %s", baton.pid(), settings);
        if (settings.profile().isPresent()) {
            postgresProfile = Optional.of(new PostgresProfile(baton.database()));
        }
        try {
            BulkLoad.Ids pool = bulk.companiesAndLeads(data, settings.poolLeads(), settings.poolLeads() / 5, "pool");
            baton.activateAgreement(Files.readString(AGREEMENT));
            warmUp(pool);
            long before = bulk.single("select count(*) from engagement_event");
            throughput(pool);
            long after = bulk.single("select count(*) from engagement_event");
            report.info(
                    "events per lead while measuring ingest",
                    format(before / (double) settings.poolLeads(), 0) + " → "
                            + format(after / (double) settings.poolLeads(), 0),
                    "history of each of the " + format(settings.poolLeads(), 0) + " leads the events are about");
            mqlLatency(pool);
            rescoring();
            memory();
        } finally {
            if (postgresProfile.isPresent()) {
                postgresProfile.get().close();
            }
        }
    }

    /**
     * Sends events every way the benchmark will until HotSpot has compiled what it needs: a server is measured in its
     * steady state, and on two busy cores the compilers take minutes to get there.
     */
    private void warmUp(BulkLoad.Ids pool) throws Exception {
        long deadline = System.nanoTime() + settings.warmUp().toNanos();
        Duration each = Duration.ofSeconds(5);
        for (int round = 0; System.nanoTime() < deadline; round++) {
            ProcessMeter.Cpu before = meter.cpu();
            send(new Ingest("warm-up", "warm-1-" + round, 1, settings.threads()), pool, each);
            send(new Ingest("warm-up", "warm-100-" + round, 100, settings.batchThreads()), pool, each);
            send(new Ingest("warm-up", "warm-1000-" + round, 1000, settings.batchThreads()), pool, each);
            ProcessMeter.Cpu used = meter.cpu().minus(before);
            log("warming up: the JIT compiled for %.1f s of the last %.0f s", used.jit(), used.wallSeconds());
            if (used.jit() < SETTLED * used.wallSeconds()) {
                return;
            }
        }
        log(
                "warming up: the JIT has not settled after %d s; measuring anyway",
                settings.warmUp().toSeconds());
    }

    private void throughput(BulkLoad.Ids pool) throws Exception {
        List<Measured> measured = new ArrayList<>();
        measured.add(measure(new Ingest("1 event per request", "single", 1, settings.threads()), pool));
        measured.add(measure(new Ingest("batches of 100", "b100", 100, settings.batchThreads()), pool));
        measured.add(measure(new Ingest("batches of 1,000", "b1000", 1000, settings.batchThreads()), pool));
        long rows = measured.stream().mapToLong(Measured::events).sum();
        log("COPY of the same %d rows", rows);
        double copy = bulk.copyRate(rows, n -> sameRow(measured, pool, n), now);
        double[] targets = {3000, 20000, 20000};
        for (int i = 0; i < measured.size(); i++) {
            Measured m = measured.get(i);
            report.atLeast(
                    "ingest, " + m.ingest().name() + ", " + m.ingest().threads() + " client threads",
                    format(m.rate(), 0) + " events/s = " + format(m.rate() / copy, 3) + "× COPY",
                    m.rate(),
                    targets[i],
                    "≥ " + format(targets[i], 0) + " events/s");
        }
        report.info("COPY of the same rows into engagement_event", format(copy, 0) + " events/s", "baseline");
    }

    /** The events sent in a phase, and their rate. */
    private record Measured(Ingest ingest, long events, double rate) {}

    private Measured measure(Ingest ingest, BulkLoad.Ids pool) throws Exception {
        log(
                "ingest, %s, from %d threads for %d s",
                ingest.name(), ingest.threads(), settings.phase().toSeconds());
        ProcessMeter.Cpu before = meter.cpu();
        startRecording();
        LoadClients.Sent sent = send(ingest, pool, settings.phase());
        stopRecording(ingest.name());
        long events = (long) sent.requests() * ingest.perRequest();
        report.cpu("ingest, " + ingest.name(), meter.cpu().minus(before), events);
        return new Measured(ingest, events, events / (sent.took().toNanos() / 1e9));
    }

    private LoadClients.Sent send(Ingest ingest, BulkLoad.Ids pool, Duration limit) throws Exception {
        int per = ingest.perRequest();
        return LoadClients.closedLoop(
                baton,
                request -> {
                    var json = new StringBuilder("{\"events\":[");
                    for (long n = (long) request * per; n < (long) (request + 1) * per; n++) {
                        json.append(n % per == 0 ? "" : ",");
                        json.append(data.numbered(ingest.tag(), n, pool, RECENT).json());
                    }
                    return json.append("]}").toString();
                },
                Integer.MAX_VALUE / per,
                ingest.threads(),
                limit);
    }

    /** Row {@code n} of the events the phases sent, one after the other, under an id of its own. */
    private SyntheticData.Event sameRow(List<Measured> measured, BulkLoad.Ids pool, long n) {
        long index = n;
        for (Measured m : measured) {
            if (index < m.events()) {
                SyntheticData.Event event = data.numbered(m.ingest().tag(), index, pool, RECENT);
                return event.withId("copy-" + event.id());
            }
            index -= m.events();
        }
        throw new IndexOutOfBoundsException(n);
    }

    private void mqlLatency(BulkLoad.Ids pool) throws Exception {
        log("MQL latency: preparing %d ideal leads", settings.probes());
        var probes = new MqlProbes(baton);
        probes.prepare(WARM_PROBES + settings.probes(), "mql");
        try (var load = LoadClients.thousandEventsASecond(baton, pool, now, "background")) {
            probes.run(FAST_PROBES, WARM_PROBES);
            load.window();
            long eventsBefore = load.events();
            ProcessMeter.Cpu before = meter.cpu();
            log("MQL latency: %d probes under a background load of 1,000 events/s", settings.probes());
            startRecording();
            Latencies mql = probes.run(FAST_PROBES, settings.probes());
            stopRecording("MQL probes");
            ProcessMeter.Cpu used = meter.cpu().minus(before);
            Latencies live = load.window();
            long background = load.events() - eventsBefore;
            report.cpu("MQL probes + 1,000 events/s", used, background + mql.count());
            report.atMost("MQL visible, p50", ms(mql, 50), mql.percentileMillis(50), 20, "≤ 20 ms");
            report.atMost("MQL visible, p99", ms(mql, 99), mql.percentileMillis(99), 100, "≤ 100 ms");
            report.info(
                    "MQL visible, p99.9",
                    ms(mql, 99.9),
                    mql.count() + " probes, one every " + FAST_PROBES.toMillis() + " ms");
            report.info(
                    "background load achieved",
                    format(background / used.wallSeconds(), 0) + " events/s",
                    "20 events per request every 20 ms; p99 " + ms(live, 99) + ", " + load.skipped()
                            + " requests skipped");
        }
    }

    private void rescoring() throws Exception {
        BulkLoad.Ids leads = bulkLoad();
        var probes = new MqlProbes(baton);
        probes.prepare(RESCORING_PROBES, "rescoring");
        try (var load = LoadClients.thousandEventsASecond(baton, leads, now, "live")) {
            Pacing.after(SETTLE);
            load.window();
            long baselineEnds = System.nanoTime() + BASELINE.toNanos();
            Latencies mqlBefore = probes.run(SLOW_PROBES, () -> System.nanoTime() > baselineEnds);
            Latencies liveBefore = load.window();
            String changed = Files.readString(AGREEMENT).replace("threshold: 60", "threshold: 65");
            int version = baton.activateAgreement(changed);
            log("rescoring: version %d activated", version);
            var watch = new RescoringWatch(baton, version, settings.rescoringLimit());
            ProcessMeter.Cpu before = meter.cpu();
            startRecording();
            Latencies mqlDuring = probes.run(SLOW_PROBES, watch::over);
            watch.await();
            stopRecording("rescoring");
            report.cpu(
                    "rescoring + 1,000 events/s (µs per lead rescored)",
                    meter.cpu().minus(before),
                    watch.done());
            reportRescoring(watch);
            worseBy("live ingest p99 during rescoring vs before", load.window(), liveBefore);
            worseBy("MQL visible p99 during rescoring vs before", mqlDuring, mqlBefore);
        }
    }

    private BulkLoad.Ids bulkLoad() throws Exception {
        log("rescoring: COPY of %d leads and %d events", settings.leads(), settings.events());
        long start = System.nanoTime();
        BulkLoad.Ids leads = bulk.companiesAndLeads(data, settings.leads(), Math.max(1, settings.leads() / 10), "bulk");
        bulk.randomEvents(data, leads, settings.events(), Duration.ofDays(180), "bulk", now);
        bulk.execute("vacuum (analyze) company, lead, engagement_event");
        bulk.execute("checkpoint");
        report.info(
                "bulk load (COPY, vacuum, checkpoint)",
                format((System.nanoTime() - start) / 1e9, 0) + " s",
                format(settings.leads(), 0) + " leads, " + format(settings.events(), 0)
                        + " events about random ones of them over 180 days");
        return leads;
    }

    private void worseBy(String metric, Latencies during, Latencies before) {
        report.atMost(
                metric,
                ms(during, 99) + " vs " + ms(before, 99) + " (" + during.count() + " vs " + before.count() + ")",
                during.percentileMillis(99) / before.percentileMillis(99),
                2,
                "≤ 2× worse");
    }

    private void reportRescoring(RescoringWatch watch) {
        String metric = "rescoring after an agreement change (" + watch.status() + ")";
        String size = format(watch.total(), 0) + " leads";
        if (watch.took().isPresent()) {
            double seconds = watch.took().get().toMillis() / 1000.0;
            String rate = format(watch.total() / seconds, 0) + " leads/s";
            report.atMost(metric, format(seconds, 1) + " s for " + size + " = " + rate, seconds, 60, "≤ 60 s");
        } else {
            double seconds = settings.rescoringLimit().toSeconds();
            double projected = seconds * watch.total() / Math.max(1, watch.done());
            String progress = format(watch.done(), 0) + " of " + size + " after " + format(seconds, 0) + " s";
            report.atMost(metric, progress + "; about " + format(projected, 0) + " s in all", projected, 60, "≤ 60 s");
        }
    }

    private void memory() {
        report.info("Baton heap used, peak of 1 s samples", mib(meter.peakHeap()), "-Xmx512m");
        report.atMost(
                "Baton RSS, peak (VmHWM)",
                mib(meter.peakRss()) + " (now " + mib(meter.rss()) + ")",
                meter.peakRss(),
                1L << 30,
                "≤ 1 GiB");
        report.info(
                "PostgreSQL memory (PSS of " + meter.postgresProcessCount() + " processes), peak of 1 s samples",
                mib(meter.peakPostgresPss()) + " (now " + mib(meter.postgresPss()) + ")",
                "shared_buffers counted once");
    }

    private static String ms(Latencies latencies, double percentile) {
        return format(latencies.percentileMillis(percentile), 1) + " ms";
    }

    private void startRecording() throws SQLException {
        recordingSince = Instant.now();
        if (postgresProfile.isPresent()) {
            postgresProfile.get().start();
        }
    }

    /** With {@code -Dingest.profile=<folder>}, saves what the flight recorder and PostgreSQL saw in this phase. */
    private void stopRecording(String phase) throws IOException, SQLException {
        if (settings.profile().isPresent()) {
            Path folder = Files.createDirectories(settings.profile().get());
            String name = phase.replaceAll("\\W+", "-");
            ProcessMeter.jcmd(
                    baton.pid(),
                    "JFR.dump",
                    "name=" + RECORDING,
                    "begin=" + recordingSince,
                    "end=" + Instant.now(),
                    "filename=" + folder.resolve(name + ".jfr"));
            Files.writeString(
                    folder.resolve(name + "-postgres.txt"),
                    postgresProfile.orElseThrow().report());
        }
    }

    private void log(String format, Object... args) {
        System.err.printf("[%5.0f s] %s%n", (System.nanoTime() - started) / 1e9, format.formatted(args));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
