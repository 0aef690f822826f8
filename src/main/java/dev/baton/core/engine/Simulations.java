package dev.baton.core.engine;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.AgreementVersion;
import dev.baton.core.simulation.LeadHistory;
import dev.baton.core.simulation.Simulation;
import dev.baton.core.simulation.SimulationReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Backtests drafts: a simulation is asked for a draft and a period, queued, and worked in the background — the stored
 * leads read a chunk at a time and replayed on several threads against the draft and the version active when it was
 * asked (see {@link Simulation}) — with its progress recorded as it goes and its report kept with it.
 */
public final class Simulations {

    /** Score bands of the calibration table are this many points wide. */
    public static final int BAND_WIDTH = 10;

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final SimulationStore store;
    private final SimulationHistory history;
    private final AgreementVersions versions;
    private final ActiveAgreement agreements;
    private final AgreementParser parser;
    private final Clock clock;
    private final int threads;
    private final int chunkSize;

    public Simulations(
            SimulationStore store,
            SimulationHistory history,
            AgreementVersions versions,
            ActiveAgreement agreements,
            AgreementParser parser,
            Clock clock,
            int threads,
            int chunkSize) {
        if (threads < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("a simulation needs at least one thread and one lead per chunk");
        }
        this.store = store;
        this.history = history;
        this.versions = versions;
        this.agreements = agreements;
        this.parser = parser;
        this.clock = clock;
        this.threads = threads;
        this.chunkSize = chunkSize;
    }

    /** The days of a period, from and to both included, in the agreement's timezone. */
    public record Period(Optional<LocalDate> from, Optional<LocalDate> to) {}

    /** Queues a simulation of a stored version against the active one. */
    public SimulationStore.Job request(int number, Period period, String requestedBy) {
        AgreementVersion version = versions.find(number)
                .orElseThrow(() -> new BatonException.NotFound("there is no agreement version " + number));
        return queue(Optional.of(number), version.source(), parser.parse(version.source()), period, requestedBy);
    }

    /** Queues a simulation of an agreement that is not stored as a version (a file being worked on). */
    public SimulationStore.Job request(Agreement draft, String source, Period period, String requestedBy) {
        return queue(Optional.empty(), source, draft, period, requestedBy);
    }

    private SimulationStore.Job queue(
            Optional<Integer> version, String source, Agreement draft, Period period, String requestedBy) {
        ActiveAgreement.Running active = agreements.require();
        ZoneId zone = draft.calendar().timezone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate to = period.to().orElse(today);
        LocalDate from = period.from().orElse(to.minusDays(90));
        for (LocalDate day : List.of(from, to)) {
            if (day.getYear() < 1900 || day.getYear() > 9999) {
                throw new BatonException.Invalid(
                        day == from ? "from" : "to", "a date from 1900 to 9999, like 2026-03-01");
            }
        }
        if (to.isBefore(from)) {
            throw new BatonException.Invalid("to", "the period ends on " + to + ", before it starts on " + from);
        }
        if (from.plusYears(20).isBefore(to)) {
            throw new BatonException.Invalid("from", "a simulation covers at most 20 years");
        }
        long id = store.add(
                version,
                source,
                active.version(),
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                zone,
                requestedBy,
                clock.instant());
        return job(id);
    }

    public SimulationStore.Job job(long id) {
        return store.find(id).orElseThrow(() -> new BatonException.NotFound("there is no simulation " + id));
    }

    public List<SimulationStore.Job> ofVersion(int version) {
        return store.ofVersion(version);
    }

    /** Works the oldest waiting simulation to its end; false when none was waiting. */
    public boolean runNext() {
        Instant now = clock.instant();
        Optional<SimulationStore.Job> claimed = store.claim(now, now.plus(LEASE));
        if (claimed.isEmpty()) {
            return false;
        }
        SimulationStore.Job job = claimed.get();
        try {
            store.finish(job.id(), run(job), clock.instant());
        } catch (RuntimeException e) {
            store.fail(job.id(), String.valueOf(e.getMessage()), clock.instant());
            throw e;
        }
        return true;
    }

    /** Works simulations until none is waiting. */
    public void drain() {
        while (runNext()) {
            // one simulation at a time, each on all its threads
        }
    }

    private SimulationReport run(SimulationStore.Job job) {
        Agreement draft = parser.parse(job.source());
        Agreement active = agreements.version(job.activeVersion()).agreement();
        var simulation = new Simulation(draft, active, job.activeVersion(), job.from(), job.to(), BAND_WIDTH);
        long[] ids = history.leadIds();
        Map<String, Boolean> types = simulation.eventTypes();
        store.progress(job.id(), ids.length, 0, clock.instant().plus(LEASE));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "simulation-" + job.id());
            thread.setDaemon(true);
            return thread;
        });
        try {
            var chunks = new ArrayList<Future<Integer>>();
            for (int start = 0; start < ids.length; start += chunkSize) {
                List<Long> chunk = Arrays.stream(
                                Arrays.copyOfRange(ids, start, Math.min(ids.length, start + chunkSize)))
                        .boxed()
                        .toList();
                chunks.add(pool.submit(() -> {
                    for (LeadHistory lead : history.read(chunk, job.to(), types)) {
                        simulation.add(simulation.judge(lead));
                    }
                    return chunk.size();
                }));
            }
            long done = 0;
            for (Future<Integer> chunk : chunks) {
                done += chunk.get();
                store.progress(job.id(), ids.length, done, clock.instant().plus(LEASE));
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the simulation was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return simulation.report();
    }
}
