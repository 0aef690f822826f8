package dev.baton.core.engine;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lead.RawEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to where engagement events are kept, each once by its caller-supplied id. */
public interface EngagementStore {

    /** Stores the event for a lead (or anonymously); false when an event with its id is already stored. */
    boolean add(RawEvent event, Optional<Long> leadId, Instant receivedAt);

    /** The lead a visitor was identified as, if any. */
    Optional<Long> leadOfVisitor(String visitorId);

    /** Attaches the visitor's anonymous events to the lead; returns how many. */
    int attachVisitor(String visitorId, long leadId);

    List<EngagementEvent> ofLead(long leadId);

    /** The events of several leads at once, by lead; leads without events are absent. */
    java.util.Map<Long, List<EngagementEvent>> ofLeads(List<Long> leadIds);
}
