package dev.baton.core.engine;

import dev.baton.core.simulation.SimulationReport;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The port to the stored simulations: each asked for a draft (a stored version, or an agreement file not stored as
 * one) and a period, worked in the background by one worker at a time, which holds it by a lease it renews as it goes
 * — a simulation whose worker died is taken up again when its lease runs out — and kept with its report.
 */
public interface SimulationStore {

    /** A simulation, how far it has come, and its report once done; its period's days are those of its zone. */
    record Job(
            long id,
            Optional<Integer> version,
            String source,
            int activeVersion,
            Instant from,
            Instant to,
            ZoneId zone,
            Status status,
            long total,
            long done,
            String requestedBy,
            Instant requestedAt,
            Optional<Instant> finishedAt,
            Optional<SimulationReport> report,
            Optional<String> error) {

        /** Where a simulation stands. */
        public enum Status {
            QUEUED,
            RUNNING,
            DONE,
            FAILED
        }
    }

    long add(
            Optional<Integer> version,
            String source,
            int activeVersion,
            Instant from,
            Instant to,
            ZoneId zone,
            String requestedBy,
            Instant at);

    /** The oldest simulation queued, or running with its lease run out, now running under a lease until then. */
    Optional<Job> claim(Instant now, Instant leaseUntil);

    void progress(long id, long total, long done, Instant leaseUntil);

    void finish(long id, SimulationReport report, Instant at);

    void fail(long id, String error, Instant at);

    Optional<Job> find(long id);

    /** The simulations of a stored version, newest first. */
    List<Job> ofVersion(int version);
}
