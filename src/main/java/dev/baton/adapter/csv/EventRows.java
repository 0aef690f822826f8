package dev.baton.adapter.csv;

import dev.baton.core.agreement.Names;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.RawEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Rows of {@code events}: engagement events, stored in batches of up to 1,000, each once by its event id. */
final class EventRows implements Rows<RawEvent> {

    static final Columns COLUMNS = new Columns(
            List.of("event_id", "type", "occurred_at"),
            List.of("lead_id", "email", "visitor_id"),
            List.of(),
            Optional.of("prop_"),
            Map.of());

    static final List<String> COUNTS = List.of("stored", "duplicates");

    private static final int MAX_ID = 200;

    private final Function<List<RawEvent>, List<LeadIntake.EventResult>> ingest;

    EventRows(Function<List<RawEvent>, List<LeadIntake.EventResult>> ingest) {
        this.ingest = ingest;
    }

    @Override
    public int chunkSize() {
        return 1000;
    }

    @Override
    public Optional<RawEvent> parse(Row row) {
        Optional<String> eventId = row.required("event_id", "the event's own id, which makes replays safe")
                .flatMap(id -> row.text("event_id", MAX_ID));
        Optional<String> type = row.required("type", "a lower-case word joined by _, like page_view");
        if (type.filter(t -> !Names.EVENT_TYPE.matcher(t).matches()).isPresent()) {
            row.error(
                    "type", "'" + type.get() + "' is not an event type: a lower-case word joined by _, like page_view");
        }
        Optional<Instant> at = row.required("occurred_at", "when it happened, like 2026-11-20T15:00:00Z")
                .flatMap(text -> row.instant("occurred_at"));
        Optional<Long> leadId = row.id("lead_id");
        Optional<Email> email = row.email("email");
        Optional<String> visitor = row.text("visitor_id", MAX_ID);
        if (row.text("lead_id").isEmpty()
                && row.text("email").isEmpty()
                && row.text("visitor_id").isEmpty()) {
            row.error(first(row), "the event needs a lead_id, an email or a visitor_id");
        }
        Map<String, String> properties = row.free();
        if (row.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new RawEvent(
                eventId.orElseThrow(), leadId, email, visitor, type.orElseThrow(), at.orElseThrow(), properties));
    }

    private static String first(Row row) {
        return COLUMNS.oneOf().stream().filter(row::has).findFirst().orElse("lead_id");
    }

    @Override
    public void apply(List<Parsed<RawEvent>> chunk, Tally tally) {
        List<RawEvent> batch = chunk.stream().map(Parsed::value).toList();
        for (LeadIntake.EventResult result : ingest.apply(batch)) {
            tally.add(result.status() == LeadIntake.EventResult.Status.STORED ? "stored" : "duplicates");
        }
    }
}
