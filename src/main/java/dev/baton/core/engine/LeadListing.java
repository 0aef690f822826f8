package dev.baton.core.engine;

import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lifecycle.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The port for reading leads as lists show them: every lead a page at a time for exports, or those a search finds. */
public interface LeadListing {

    /**
     * One lead as a list shows it: where it stands, its score, who works it, its profile and its company's, and, of its
     * latest handoff cycle, when it reached each stage (by stage word) and the opportunity's amount.
     */
    record Listed(
            long id,
            String email,
            Stage stage,
            Optional<Integer> score,
            List<String> priority,
            Optional<String> owner,
            Optional<String> team,
            Optional<String> queue,
            Map<String, String> profile,
            Map<String, String> company,
            Instant createdAt,
            Instant updatedAt,
            Optional<Instant> qualifiedAt,
            Optional<Integer> qualifiedWith,
            Map<String, Instant> reached,
            Optional<java.math.BigDecimal> amount,
            Optional<String> currency) {

        public Listed {
            reached = Map.copyOf(reached);
            priority = List.copyOf(priority);
            profile = Map.copyOf(profile);
            company = Map.copyOf(company);
        }
    }

    /** A page of a search's leads, and where the next one starts when there are more. */
    record Found(List<Listed> leads, Optional<LeadSearch.Cursor> next) {

        public Found {
            leads = List.copyOf(leads);
        }
    }

    /** A page of a lead's events, newest first, and where the next one starts when there are more. */
    record Events(List<EngagementEvent> events, Optional<EventCursor> next) {

        public Events {
            events = List.copyOf(events);
        }
    }

    /** Where the next page of a lead's events starts: the last event's time and id. */
    record EventCursor(Instant occurredAt, String eventId) {}

    /** The names of the attributes any lead has ({@code lead.attributes.NAME}), sorted. */
    List<String> attributeNames();

    /** Up to {@code size} leads with an id above {@code afterId}, in id order; fewer means the list is done. */
    List<Listed> page(long afterId, int size);

    /** The leads the search finds, a page of at most its limit in its order. */
    Found find(LeadSearch search);

    /** Up to {@code limit} of the lead's events, newest first, those before the cursor if one is given. */
    Events events(long leadId, Optional<EventCursor> before, int limit);
}
