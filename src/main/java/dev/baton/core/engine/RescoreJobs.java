package dev.baton.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to the rescoring jobs: one per agreement activation, with a checkpoint per chunk. */
public interface RescoreJobs {

    /** A rescoring job and how far it has come. */
    record Job(
            long id,
            int agreementVersion,
            Status status,
            long total,
            long done,
            long lastLeadId,
            Instant startedAt,
            Optional<Instant> finishedAt) {

        /** Where a job stands. */
        public enum Status {
            RUNNING,
            DONE,
            CANCELLED
        }
    }

    /** Starts a job over every open lead for a version, cancelling any job still running for an older one. */
    long start(int agreementVersion, Instant at);

    /** The oldest running job, locked so that no other Baton instance works on it until the transaction ends. */
    Optional<Job> claimRunning();

    void checkpoint(long jobId, long lastLeadId, int processed);

    void finish(long jobId, Instant at);

    List<Job> all();

    Optional<Job> find(long id);
}
