package dev.baton.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to the rescoring jobs: one per agreement activation, over the leads that existed then, worked in chunks of
 * consecutive lead ids that several workers (threads or Baton instances) take up in parallel. A chunk is reserved in a
 * short transaction and worked in another that holds it until it commits; a chunk whose worker died is taken up by
 * the next.
 */
public interface RescoreJobs {

    /** A rescoring job and how far it has come. */
    record Job(
            long id,
            int agreementVersion,
            Status status,
            long total,
            long done,
            long lastLeadId,
            long endLeadId,
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

    /** Leads of a job to rescore: the open ones with ids from first to last. */
    record Chunk(long jobId, int agreementVersion, long firstLeadId, long lastLeadId) {}

    /** The oldest running job, locked until the transaction ends: chunks of a job are reserved one at a time. */
    Optional<Job> lockRunning();

    /** Reserves the job's leads from first to last as a chunk; the job's {@code lastLeadId} moves to last. */
    void reserve(long jobId, long firstLeadId, long lastLeadId);

    /** A reserved chunk of a running job that no one is working on, locked until the transaction ends. */
    Optional<Chunk> claimChunk();

    /** Whether chunks of the job are reserved and not yet worked. */
    boolean hasChunks(long jobId);

    /** Forgets a chunk that has been worked and counts its leads as done. */
    void chunkDone(Chunk chunk, int processed);

    void finish(long jobId, Instant at);

    List<Job> all();

    Optional<Job> find(long id);
}
