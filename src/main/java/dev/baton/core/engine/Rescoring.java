package dev.baton.core.engine;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rescores every open lead after an agreement version is activated, a chunk of leads per transaction, each chunk
 * recorded with the job so that a restart continues where it stopped; several workers can work one job's chunks at
 * once. Live intake goes on meanwhile: a chunk scores its leads without locking them and writes each new score only if
 * the lead has not changed since it was read (see {@link Rescorer#rescoreUnlocked}). Leads keep the version that
 * qualified them.
 */
public final class Rescoring {

    private final RescoreJobs jobs;
    private final LeadStore leads;
    private final EngagementStore engagement;
    private final ActiveAgreement agreements;
    private final Transactions transactions;
    private final Clock clock;
    private final Rescorer rescorer;

    public Rescoring(
            RescoreJobs jobs,
            LeadStore leads,
            EngagementStore engagement,
            ActiveAgreement agreements,
            Transactions transactions,
            Clock clock,
            RosterStore roster,
            SlaClocks clocks,
            NoticeWriter notices) {
        this.jobs = jobs;
        this.leads = leads;
        this.engagement = engagement;
        this.agreements = agreements;
        this.transactions = transactions;
        this.clock = clock;
        this.rescorer = new Rescorer(leads, roster, engagement, clocks, notices);
    }

    /**
     * Works one chunk of the oldest running job — one that was reserved and left, or a new one — or finishes the job
     * when all its chunks are done; false when there was nothing to do (or the last chunks are in others' hands).
     */
    public boolean step(int chunkSize) {
        if (workAChunk()) {
            return true;
        }
        Reserved reserved = transactions.inTransaction(() -> reserve(chunkSize));
        if (reserved == Reserved.CHUNK) {
            workAChunk();
        }
        return reserved != Reserved.NOTHING;
    }

    private enum Reserved {
        CHUNK,
        FINISHED,
        NOTHING
    }

    private Reserved reserve(int chunkSize) {
        Optional<RescoreJobs.Job> running = jobs.lockRunning();
        if (running.isEmpty()) {
            return Reserved.NOTHING;
        }
        RescoreJobs.Job job = running.get();
        List<Long> ids = leads.openLeadIdsAfter(job.lastLeadId(), job.endLeadId(), chunkSize);
        if (!ids.isEmpty()) {
            jobs.reserve(job.id(), ids.get(0), ids.get(ids.size() - 1));
            return Reserved.CHUNK;
        }
        if (jobs.hasChunks(job.id())) {
            return Reserved.NOTHING;
        }
        jobs.finish(job.id(), clock.instant());
        return Reserved.FINISHED;
    }

    private boolean workAChunk() {
        return transactions.inTransaction(() -> {
            Optional<RescoreJobs.Chunk> claimed = jobs.claimChunk();
            if (claimed.isEmpty()) {
                return false;
            }
            RescoreJobs.Chunk chunk = claimed.get();
            ActiveAgreement.Running agreement = agreements.version(chunk.agreementVersion());
            List<StoredLead> open = leads.readOpen(chunk.firstLeadId(), chunk.lastLeadId());
            String cause = "agreement version " + chunk.agreementVersion() + " activated";
            rescorer.rescoreUnlocked(
                    open, Map.of(), Set.of(), agreement, clock.instant(), cause, Optional.of(transactions));
            jobs.chunkDone(chunk, open.size());
            return true;
        });
    }

    /** Works until no job is left running. */
    public void drain(int chunkSize) {
        while (step(chunkSize)) {
            // one chunk per transaction
        }
    }

    public List<RescoreJobs.Job> jobs() {
        return jobs.all();
    }

    public RescoreJobs.Job job(long id) {
        return jobs.find(id).orElseThrow(() -> new BatonException.NotFound("there is no rescoring job " + id));
    }
}
