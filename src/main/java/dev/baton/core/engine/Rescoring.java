package dev.baton.core.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rescores every open lead after an agreement version is activated, a chunk of leads per transaction, each chunk
 * checkpointed with the job so that a restart continues where it stopped. Live intake goes on meanwhile: a chunk
 * holds its leads' locks only while it scores them. Leads keep the version that qualified them.
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
            RosterStore roster) {
        this.jobs = jobs;
        this.leads = leads;
        this.engagement = engagement;
        this.agreements = agreements;
        this.transactions = transactions;
        this.clock = clock;
        this.rescorer = new Rescorer(leads, roster, engagement);
    }

    /** Works one chunk of the oldest running job; false when there was nothing to do. */
    public boolean step(int chunkSize) {
        return transactions.inTransaction(() -> {
            Optional<RescoreJobs.Job> claimed = jobs.claimRunning();
            if (claimed.isEmpty()) {
                return false;
            }
            RescoreJobs.Job job = claimed.get();
            Instant now = clock.instant();
            List<Long> ids = leads.openLeadIdsAfter(job.lastLeadId(), chunkSize);
            if (ids.isEmpty()) {
                jobs.finish(job.id(), now);
                return true;
            }
            ActiveAgreement.Running agreement = agreements.version(job.agreementVersion());
            String cause = "agreement version " + job.agreementVersion() + " activated";
            rescorer.rescoreAll(leads.lockAll(ids), Map.of(), Set.of(), agreement, now, cause);
            jobs.checkpoint(job.id(), ids.get(ids.size() - 1), ids.size());
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
