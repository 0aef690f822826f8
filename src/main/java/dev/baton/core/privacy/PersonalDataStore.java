package dev.baton.core.privacy;

import dev.baton.core.lead.Email;
import dev.baton.core.lifecycle.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The port to every row Baton holds about a person, to the erasure of their values, and to the deletion of old events. */
public interface PersonalDataStore {

    /** A lead as a person: their email, their profile fields and the visitor ids their engagement came under. */
    record Person(long leadId, Email email, Map<String, String> profile, Set<String> visitorIds) {
        public Person {
            profile = Map.copyOf(profile);
            visitorIds = Set.copyOf(visitorIds);
        }
    }

    /** Which events go: older than {@code before}, of a lead in one of the {@code stages} that never reached sales. */
    record Sweep(Instant before, Set<Stage> stages, Set<String> keptTypes) {
        public Sweep {
            stages = Set.copyOf(stages);
            keptTypes = Set.copyOf(keptTypes);
        }
    }

    /** The lead with this email, not locked; empty when there is none. */
    Optional<Long> leadOf(Email email);

    /** The lead with this email, locked until the transaction ends, as a person. */
    Optional<Person> lockPerson(Email email);

    /** When the lead was erased, if it was. */
    Optional<Instant> erasedAt(long leadId);

    /**
     * Every row of every other table that refers to the lead (clocks, notices, funnel cycles, campaign touches, company
     * claims…), by table, each row as its columns' values.
     */
    Map<String, List<Map<String, Object>>> rowsAbout(long leadId);

    /** Removes the person's values from every table and leaves the lead as the anonymous record erasure says. */
    void erase(Erasure erasure, Instant at);

    /** Deletes at most {@code limit} of the events the sweep names; returns how many it deleted. */
    int deleteEvents(Sweep sweep, int limit);
}
