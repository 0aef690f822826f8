package dev.baton.adapter.api;

import dev.baton.core.engine.ActiveAgreement;
import dev.baton.core.engine.BatonException;
import dev.baton.core.engine.LeadListing;
import dev.baton.core.engine.LeadQueries;
import dev.baton.core.engine.LeadSearch;
import dev.baton.core.lead.Email;
import dev.baton.core.lead.EngagementEvent;
import dev.baton.core.lifecycle.Stage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finds leads by what a user knows of them, and pages through a lead's engagement. */
@RestController
@RequestMapping(path = "/api/v1/leads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Leads")
class LeadSearchController {

    private final LeadListing listing;
    private final LeadQueries queries;
    private final ActiveAgreement agreements;

    LeadSearchController(LeadListing listing, LeadQueries queries, ActiveAgreement agreements) {
        this.listing = listing;
        this.queries = queries;
        this.agreements = agreements;
    }

    @GetMapping
    @Operation(
            summary = "Find leads: every filter is optional and all hold at once; a page at a time in a stable order",
            description = "Dates (qualifiedSince, qualifiedUntil, createdSince) are a day, like 2026-03-01, read as its"
                    + " start in the active agreement's timezone, or a moment with its offset, like"
                    + " 2026-03-01T09:00:00Z. A page holds at most `limit` leads (1–500, 50 by default); when there"
                    + " are more, `next` is the cursor of the next page: pass it as `cursor` with the same filters and"
                    + " sort. The order ends with the lead's id, so no two leads tie and leads added while you page"
                    + " neither push another onto a second page nor hide one.")
    LeadPage find(
            @Parameter(description = "One or more stages, comma-separated or repeated: mql,accepted")
                    @RequestParam(required = false)
                    @Nullable
                    List<String> stage,
            @Parameter(description = "The rep who owns the lead, by email") @RequestParam(required = false) @Nullable
                    String owner,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable String queue,
            @Parameter(description = "The lead's source (lead.source)") @RequestParam(required = false) @Nullable
                    String source,
            @Parameter(description = "The lead's campaign (lead.campaign or lead.utm_campaign)")
                    @RequestParam(required = false)
                    @Nullable
                    String campaign,
            @RequestParam(required = false) @Nullable Integer minScore,
            @RequestParam(required = false) @Nullable Integer maxScore,
            @Parameter(description = "A priority of the agreement the lead was flagged with, like hot")
                    @RequestParam(required = false)
                    @Nullable
                    String priority,
            @RequestParam(required = false) @Nullable String qualifiedSince,
            @RequestParam(required = false) @Nullable String qualifiedUntil,
            @RequestParam(required = false) @Nullable String createdSince,
            @Parameter(description = "The agreement version that qualified the lead")
                    @RequestParam(required = false)
                    @Nullable
                    Integer version,
            @Parameter(description = "Words in the email, the name or the company's name or domain, any case")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @Parameter(description = "One lead by email, spelt any way intake accepts it (case, spaces)")
                    @RequestParam(required = false)
                    @Nullable
                    String email,
            @Parameter(
                            description = "created, -created (the default), score, -score, qualified, -qualified,"
                                    + " updated, -updated; a minus sign puts the highest or newest first")
                    @RequestParam(required = false)
                    @Nullable
                    String sort,
            @Parameter(description = "The `next` of the page before") @RequestParam(required = false) @Nullable
                    String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        ZoneId zone = zone();
        LeadSearch.Sort order = sort == null ? LeadSearch.Sort.NEWEST : LeadSearch.Sort.of(sort);
        var search = new LeadSearch(
                stages(stage),
                QueryParams.text("owner", owner).map(o -> o.toLowerCase(Locale.ROOT)),
                QueryParams.text("team", team),
                QueryParams.text("queue", queue),
                QueryParams.text("source", source),
                QueryParams.text("campaign", campaign),
                score("minScore", minScore),
                score("maxScore", maxScore),
                QueryParams.text("priority", priority),
                moment("qualifiedSince", qualifiedSince, zone),
                moment("qualifiedUntil", qualifiedUntil, zone),
                moment("createdSince", createdSince, zone),
                Optional.ofNullable(version),
                QueryParams.text("q", q),
                Optional.ofNullable(email).map(LeadSearchController::email),
                order,
                Optional.ofNullable(cursor).map(LeadSearch.Cursor::parse),
                QueryParams.limit(limit, LeadSearch.DEFAULT_LIMIT));
        LeadListing.Found found = listing.find(search);
        return new LeadPage(
                found.leads().stream().map(LeadSummary::of).toList(),
                found.next().map(LeadSearch.Cursor::text).orElse(null));
    }

    @GetMapping("/{id}/events")
    @Operation(
            summary = "The lead's engagement events, newest first, a page at a time",
            description = "At most `limit` events (1–500, 100 by default); `next` is the cursor of the older ones.")
    EventPage events(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        int size = QueryParams.limit(limit, 100);
        Optional<LeadListing.EventCursor> before = Optional.ofNullable(cursor).map(LeadSearchController::eventCursor);
        if (queries.details(id).isEmpty()) {
            throw new BatonException.NotFound("there is no lead " + id);
        }
        LeadListing.Events events = listing.events(id, before, size);
        return new EventPage(
                events.events().stream().map(EventView::of).toList(),
                events.next().map(LeadSearchController::text).orElse(null));
    }

    private ZoneId zone() {
        return agreements
                .current()
                .map(a -> a.agreement().calendar().timezone())
                .orElse(ZoneOffset.UTC);
    }

    private static Set<Stage> stages(@Nullable List<String> words) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (String word : words == null ? List.<String>of() : words) {
            for (String one : word.split(",")) {
                String name = one.strip().toUpperCase(Locale.ROOT);
                try {
                    stages.add(Stage.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new BatonException.Invalid(
                            "stage",
                            "'" + one.strip() + "' is not a stage; one of "
                                    + String.join(
                                            ", ",
                                            EnumSet.allOf(Stage.class).stream()
                                                    .map(Stage::word)
                                                    .toList()));
                }
            }
        }
        return stages;
    }

    private static Optional<Integer> score(String field, @Nullable Integer value) {
        if (value != null && (value < -100_000 || value > 100_000)) {
            throw new BatonException.Invalid(field, field + " must be a whole number from -100000 to 100000");
        }
        return Optional.ofNullable(value);
    }

    private static Email email(String text) {
        return Email.parse(text)
                .orElseThrow(() -> new BatonException.Invalid("email", "'" + text + "' is not an email address"));
    }

    /** A day at its start in the zone, or a moment with its offset. */
    static Optional<Instant> moment(String field, @Nullable String text, ZoneId zone) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                if (day.getYear() < 1900 || day.getYear() > 9999) {
                    throw new DateTimeParseException("out of range", value, 0);
                }
                return Optional.of(day.atStartOfDay(zone).toInstant());
            }
            Instant at = OffsetDateTime.parse(value).toInstant();
            if (at.isBefore(Instant.parse("1900-01-01T00:00:00Z"))
                    || at.isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return Optional.of(at);
        } catch (DateTimeParseException e) {
            throw new BatonException.Invalid(
                    field,
                    "'" + value + "' is neither a day (2026-03-01) nor a moment with its offset"
                            + " (2026-03-01T09:00:00Z), from 1900 to 9999");
        }
    }

    private static String text(LeadListing.EventCursor cursor) {
        String plain = cursor.occurredAt() + "|" + cursor.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static LeadListing.EventCursor eventCursor(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException(plain);
            }
            return new LeadListing.EventCursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw QueryParams.badCursor();
        }
    }

    /** A page of leads; {@code next} is absent on the last. */
    record LeadPage(List<LeadSummary> leads, @Nullable String next) {}

    /** A lead as a list shows it; GET /api/v1/leads/{id} has the rest. */
    record LeadSummary(
            long id,
            String email,
            @Nullable String name,
            @Nullable String company,
            @Nullable String domain,
            String stage,
            @Nullable Integer score,
            List<String> priority,
            @Nullable String owner,
            @Nullable String team,
            @Nullable String queue,
            @Nullable String source,
            @Nullable String campaign,
            @Nullable Instant qualifiedAt,
            @Nullable Integer qualifiedWith,
            Instant createdAt,
            Instant updatedAt) {

        static LeadSummary of(LeadListing.Listed lead) {
            Map<String, String> profile = lead.profile();
            String name = String.join(
                            " ",
                            java.util.stream.Stream.of(profile.get("lead.first_name"), profile.get("lead.last_name"))
                                    .filter(part -> part != null && !part.isBlank())
                                    .toList())
                    .strip();
            String company =
                    Optional.ofNullable(lead.company().get("company.name")).orElse(profile.get("company.name"));
            return new LeadSummary(
                    lead.id(),
                    lead.email(),
                    name.isEmpty() ? null : name,
                    company,
                    lead.company().get("company.domain"),
                    lead.stage().word(),
                    lead.score().orElse(null),
                    lead.priority(),
                    lead.owner().orElse(null),
                    lead.team().orElse(null),
                    lead.queue().orElse(null),
                    profile.get("lead.source"),
                    Optional.ofNullable(profile.get("lead.campaign")).orElse(profile.get("lead.utm_campaign")),
                    lead.qualifiedAt().orElse(null),
                    lead.qualifiedWith().orElse(null),
                    lead.createdAt(),
                    lead.updatedAt());
        }
    }

    /** A page of a lead's events; {@code next} is absent on the last. */
    record EventPage(List<EventView> events, @Nullable String next) {}

    /** One engagement event as it was received. */
    record EventView(String id, String type, Instant occurredAt, Map<String, String> properties) {

        static EventView of(EngagementEvent event) {
            return new EventView(event.id(), event.type(), event.occurredAt(), event.properties());
        }
    }
}
