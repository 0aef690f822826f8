package dev.baton.core.engine;

import dev.baton.core.lead.Email;
import dev.baton.core.lifecycle.LeadStatus;
import dev.baton.core.scoring.Score;
import dev.baton.core.scoring.ScoringTrace;
import dev.baton.core.timeline.HistoryEntry;
import dev.baton.core.timeline.LeadEvent;
import dev.baton.core.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The port to where leads, their companies and their histories are kept. Locks last until the transaction ends. */
public interface LeadStore {

    /** The lead with this email, created if there is none, locked. */
    StoredLead lockOrCreate(Email email, Instant at);

    Optional<StoredLead> lock(long id);

    /**
     * The ids of open leads (not won, lost or disqualified) above an id and up to another, in order, at most
     * {@code limit}.
     */
    List<Long> openLeadIdsAfter(long afterId, long untilId, int limit);

    /** The open leads with ids from first to last, in id order, without locking them. */
    List<StoredLead> readOpen(long firstId, long lastId);

    /** Locks these leads, in id order so that concurrent lockers never deadlock, and returns them. */
    List<StoredLead> lockAll(List<Long> ids);

    Optional<StoredLead> find(long id);

    /** Those of these leads that are open MQLs with neither an owner nor a queue, in id order. */
    List<Long> unroutedMqls(java.util.Collection<Long> ids);

    /** The leads with these ids that exist, without locking them. */
    List<StoredLead> findAll(java.util.Collection<Long> ids);

    /** The leads with these emails, created where there are none, all locked; by email address. */
    Map<String, StoredLead> lockOrCreateAll(java.util.Collection<dev.baton.core.lead.Email> emails, Instant at);

    /**
     * A lead's new score and the trace it was worked out from, as of the score's instant, under an agreement version:
     * the score card is the version's scorer applied to the trace at that instant, so it is not stored.
     */
    record ScoreWrite(long leadId, Score score, ScoringTrace trace, int agreementVersion) {}

    /** A history entry for a lead. */
    record LeadEntry(long leadId, HistoryEntry entry) {
        public LeadEntry(long leadId, LeadEvent event, String cause, Optional<Integer> agreementVersion) {
            this(leadId, new HistoryEntry(event, cause, agreementVersion));
        }
    }

    void saveScores(List<ScoreWrite> scores);

    /**
     * Saves the scores of leads that are still at the revision they were read at, by lead id, and returns the ids of
     * those it saved; a lead written by anyone since is left as it is.
     */
    Set<Long> saveScoresUnlessChanged(List<ScoreWrite> scores, Map<Long, Long> revisions);

    void appendAll(List<LeadEntry> entries);

    void linkCompany(long leadId, long companyId);

    /** The companies with these domains, created where there are none; their ids by domain. */
    Map<String, Long> companiesWithDomains(java.util.Collection<String> domains, Instant at);

    /** The profiles of these companies, by id. */
    Map<Long, Map<String, String>> companyProfiles(java.util.Collection<Long> companyIds);

    /**
     * Replaces the profiles of these leads and links these to their companies, both by lead id, in one write of each
     * lead row.
     */
    void saveProfiles(Map<Long, Map<String, String>> profiles, Map<Long, Long> companyByLead, Instant at);

    /** As {@link #mergeCompanyProfile} for several companies at once, by company id. */
    void mergeCompanyProfiles(Map<Long, Map<String, String>> fields, Instant at);

    void saveProfile(long leadId, Map<String, String> profile, Instant at);

    /** Sets these fields of the company's profile, leaving the others as they are (another lead may set them). */
    void mergeCompanyProfile(long companyId, Map<String, String> fields, Instant at);

    void saveStatus(long leadId, LeadStatus status, Instant at);

    /**
     * Records a qualification on the lead: the version (none for one imported from another system), the time and the
     * explanation that stay with this cycle.
     */
    void saveQualification(
            long leadId, Optional<Integer> agreementVersion, Instant at, String why, List<String> priority);

    void saveFirstTouch(long leadId, Instant at);

    /** Records who owns the lead now (or which queue holds it), since when, and the decision that said so. */
    void saveRouting(long leadId, dev.baton.core.routing.RoutingDecision decision, Instant at);

    void append(long leadId, HistoryEntry entry);

    List<TimelineEntry> history(long leadId);
}
