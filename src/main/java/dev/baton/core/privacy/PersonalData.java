package dev.baton.core.privacy;

import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.EngagementStore;
import dev.baton.core.engine.LeadDetails;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.Transactions;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.timeline.LeadEvent;
import dev.baton.core.timeline.TimelineEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A person's rights over what Baton holds about them: to see all of it, and to have it erased. */
public final class PersonalData {

    /** Everything held about the person with this email, when it was read. */
    public record Export(String email, Instant exportedAt, List<HeldLead> leads) {
        public Export {
            leads = List.copyOf(leads);
        }
    }

    /**
     * One lead of the person: as the API shows it, its whole timeline, the activities logged on it, its engagement
     * events, and the rows of every other table about it, by table.
     */
    public record HeldLead(
            long id,
            Optional<Instant> erasedAt,
            LeadDetails lead,
            List<TimelineEntry> timeline,
            List<TimelineEntry> activities,
            List<EngagementEvent> events,
            Map<String, List<Map<String, Object>>> records) {}

    /** The leads made anonymous, and when. */
    public record Erased(List<Long> leadIds, Instant erasedAt) {
        public Erased {
            leadIds = List.copyOf(leadIds);
        }
    }

    private final Transactions transactions;
    private final PersonalDataStore store;
    private final LeadQueries queries;
    private final LeadStore leads;
    private final EngagementStore engagement;
    private final Clock clock;

    public PersonalData(
            Transactions transactions,
            PersonalDataStore store,
            LeadQueries queries,
            LeadStore leads,
            EngagementStore engagement,
            Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.queries = queries;
        this.leads = leads;
        this.engagement = engagement;
        this.clock = clock;
    }

    /** Everything held about the person, read in one transaction so that its parts agree. */
    public Export export(Email email) {
        return transactions.inTransaction(() -> {
            long id = store.leadOf(email).orElseThrow(() -> nothingHeld(email));
            return new Export(email.address(), clock.instant(), List.of(held(id)));
        });
    }

    /** Erases the person in one transaction: every table, or none. */
    public Erased erase(Email email) {
        return transactions.inTransaction(() -> {
            PersonalDataStore.Person person = store.lockPerson(email).orElseThrow(() -> nothingHeld(email));
            Instant at = clock.instant();
            store.erase(Erasure.of(person), at);
            return new Erased(List.of(person.leadId()), at);
        });
    }

    private HeldLead held(long id) {
        LeadDetails details =
                queries.details(id).orElseThrow(() -> new IllegalStateException("lead " + id + " vanished"));
        List<TimelineEntry> timeline = leads.history(id);
        return new HeldLead(
                id,
                store.erasedAt(id),
                details,
                timeline,
                timeline.stream()
                        .filter(e -> e.type().equals(LeadEvent.ActivityLogged.class.getSimpleName()))
                        .toList(),
                engagement.ofLead(id),
                store.rowsAbout(id));
    }

    /** Nothing held, or held no longer: an erased person's email is gone with the rest. */
    private static BatonException.NotFound nothingHeld(Email email) {
        return new BatonException.NotFound("email", "Baton holds no personal data for " + email.address());
    }
}
