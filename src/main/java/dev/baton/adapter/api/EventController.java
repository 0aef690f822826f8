package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.engine.IngestQueue;
import dev.baton.core.engine.LeadIntake;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Engagement events in batches: idempotent by event id, anonymous visitors attached when identified. */
@RestController
@RequestMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Events", description = "Engagement evidence: page views, form fills, webinars, email clicks")
class EventController {

    private final IngestQueue intake;
    private final Counter stored;
    private final Counter duplicates;

    EventController(IngestQueue intake, MeterRegistry metrics) {
        this.intake = intake;
        this.stored = metrics.counter("baton.events.ingested", "result", "stored");
        this.duplicates = metrics.counter("baton.events.ingested", "result", "duplicate");
    }

    @PostMapping
    @Operation(
            summary = "Store a batch of up to 1,000 events; a replayed event is reported as a duplicate and changes"
                    + " nothing. The whole batch is stored, or (on a 4xx) none of it.")
    BatchView ingest(Actor actor, @RequestBody EventRequests.EventBatch batch) {
        List<LeadIntake.EventResult> results = intake.ingest(EventRequests.toEvents(batch), actor.name());
        BatchView view = BatchView.of(results);
        stored.increment(view.stored());
        duplicates.increment(view.duplicates());
        return view;
    }

    /** What happened to each event of a batch. */
    record BatchView(int stored, int duplicates, List<ResultView> results) {
        static BatchView of(List<LeadIntake.EventResult> results) {
            int stored = (int) results.stream()
                    .filter(r -> r.status() == LeadIntake.EventResult.Status.STORED)
                    .count();
            return new BatchView(
                    stored,
                    results.size() - stored,
                    results.stream()
                            .map(r -> new ResultView(
                                    r.eventId(),
                                    r.status().name().toLowerCase(Locale.ROOT),
                                    r.leadId().orElse(null)))
                            .toList());
        }
    }

    /** One event's fate. */
    record ResultView(
            String eventId, String status, @Nullable Long leadId) {}
}
