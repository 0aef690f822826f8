package dev.baton.core.engine;

import dev.baton.core.sla.LeadClocks;
import dev.baton.core.sla.ResponseTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where each lead's service-level clocks are kept, and the port the timers claim due leads through. */
public interface ClockStore {

    /** A lead's clocks and the agreement version whose service levels they run on. */
    record StoredClocks(int agreementVersion, LeadClocks clocks) {}

    Optional<StoredClocks> find(long leadId);

    /** The clocks of several leads, by lead; leads without clocks are left out. */
    default java.util.Map<Long, StoredClocks> findAll(java.util.Collection<Long> leadIds) {
        var found = new java.util.HashMap<Long, StoredClocks>();
        leadIds.forEach(id -> find(id).ifPresent(clocks -> found.put(id, clocks)));
        return found;
    }

    /** Writes the lead's clocks, and when they next fall due; the lead's row must be locked by the caller. */
    void save(long leadId, int agreementVersion, LeadClocks clocks);

    /** Records how long a cycle of the lead waited for its first touch; a cycle's first record stands. */
    void saveResponse(long leadId, ResponseTime response);

    /** The response times of the lead's cycles, oldest first. */
    List<ResponseTime> responses(long leadId);

    /**
     * Locks up to {@code limit} leads whose clocks are due at {@code now}, earliest first, skipping leads that other
     * work holds (they are claimed on a later round); the locks last until the transaction ends.
     */
    List<Long> claimDue(Instant now, int limit);

    /** How many leads have clocks due at {@code now}, and the earliest due time among them, for the metrics. */
    Backlog backlog(Instant now);

    /** Leads with clocks due, and the oldest due time. */
    record Backlog(long due, Optional<Instant> oldest) {}
}
