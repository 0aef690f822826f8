package dev.baton.core.engine;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.RawEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to where engagement events are kept, each once by its caller-supplied id. */
public interface EngagementStore {

    /** An event with the lead it belongs to, if known. */
    record Placed(RawEvent event, Optional<Long> leadId) {}

    /** Stores each event unless one with its id is stored already; returns the ids stored now. */
    java.util.Set<String> addAll(List<Placed> events, Instant receivedAt);

    /** The leads these visitors were identified as, by visitor id; unidentified visitors are absent. */
    java.util.Map<String, Long> leadsOfVisitors(java.util.Collection<String> visitorIds);

    /** Attaches the visitor's anonymous events to the lead; returns how many. */
    int attachVisitor(String visitorId, long leadId);

    List<EngagementEvent> ofLead(long leadId);

    /**
     * The events of several leads at once, by lead (leads without events are absent), of the given types only: those
     * after {@code since}, if given, and those of the {@code everTypes} at any age.
     */
    java.util.Map<Long, List<EngagementEvent>> ofLeads(
            List<Long> leadIds, Optional<Instant> since, java.util.Set<String> everTypes, java.util.Set<String> types);
}
