package dev.baton.adapter.api;

import dev.baton.core.access.Actor;
import dev.baton.core.access.LeadWork;
import dev.baton.core.engine.Handoffs;
import dev.baton.core.engine.LeadCommands;
import dev.baton.core.engine.LeadDetails;
import dev.baton.core.engine.LeadIntake;
import dev.baton.core.engine.LeadStore;
import dev.baton.core.engine.StoredLead;
import dev.baton.core.handoff.HandoffPacket;
import dev.baton.core.lead.Activity;
import dev.baton.core.timeline.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Leads: create or update, read with the score card, history, lifecycle commands, activities. */
@RestController
@RequestMapping(path = "/api/v1/leads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Leads", description = "Leads, their companies, their history and their lifecycle")
class LeadController {

    private final LeadIntake intake;
    private final LeadStore leads;
    private final Handoffs handoffs;
    private final LeadWork work;

    LeadController(LeadIntake intake, LeadStore leads, Handoffs handoffs, LeadWork work) {
        this.intake = intake;
        this.leads = leads;
        this.handoffs = handoffs;
        this.work = work;
    }

    @PostMapping
    @Operation(
            summary = "Create a lead, or update the one with this email field by field (201 created, 200 updated)",
            responses = {
                @ApiResponse(responseCode = "201", description = "The lead was created"),
                @ApiResponse(responseCode = "200", description = "The lead with this email was updated")
            })
    ResponseEntity<LeadDetails> upsert(Actor actor, @RequestBody LeadRequests.LeadRequest request) {
        LeadIntake.Upserted upserted = intake.upsert(LeadRequests.toInput(request), actor.name());
        StoredLead lead = upserted.lead();
        LeadDetails details = details(lead.id()).withNotes(upserted.notes());
        return lead.created()
                ? ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id()))
                        .body(details)
                : ResponseEntity.ok(details);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The lead as it stands: profile, company, stage, score card, qualification")
    LeadDetails lead(@PathVariable long id) {
        return details(id);
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Everything that happened to the lead, oldest first; never rewritten")
    List<TimelineEntry> timeline(@PathVariable long id) {
        details(id);
        return leads.history(id);
    }

    @GetMapping(path = "/{id}/handoff", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The handoff packet: lead, company, score with every rule, touchpoints, why now, routing")
    HandoffPacket handoff(@PathVariable long id) {
        return handoffs.packet(id);
    }

    @GetMapping(path = "/{id}/handoff", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The handoff packet as text for an email or a chat message")
    String handoffText(@PathVariable long id) {
        return handoffs.packet(id).render();
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Sales takes the MQL")
    LeadDetails accept(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        return run(actor, id, "accepted", (lifecycle, status, at) -> lifecycle.accept(status, actor.name(), at));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Sales turns the MQL down; a reason code of the agreement is required")
    LeadDetails reject(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        Command c = Command.orEmpty(body);
        return run(
                actor,
                id,
                "rejected",
                (lifecycle, status, at) ->
                        lifecycle.reject(status, c.reason(), Optional.ofNullable(c.note()), actor.name(), at));
    }

    @PostMapping("/{id}/qualify")
    @Operation(summary = "Sales qualifies the lead to SQL with the BANT answers the agreement requires")
    LeadDetails qualify(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        Command c = Command.orEmpty(body);
        Map<String, String> bant = c.bant() == null ? Map.of() : c.bant();
        return run(
                actor,
                id,
                "sales qualified",
                (lifecycle, status, at) -> lifecycle.qualifyToSql(status, bant, actor.name(), at));
    }

    @PostMapping("/{id}/nurture")
    @Operation(summary = "Back to marketing's nurture programmes")
    LeadDetails nurture(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        Command c = Command.orEmpty(body);
        return run(
                actor,
                id,
                "nurtured",
                (lifecycle, status, at) -> lifecycle.nurture(status, c.reason(), actor.name(), at));
    }

    @PostMapping("/{id}/recycle")
    @Operation(summary = "Back to marketing; a recycle reason code sets the cool-off")
    LeadDetails recycle(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        Command c = Command.orEmpty(body);
        return run(
                actor,
                id,
                "recycled",
                (lifecycle, status, at) -> lifecycle.recycle(status, c.reason(), actor.name(), at));
    }

    @PostMapping("/{id}/disqualify")
    @Operation(summary = "Out, with a reason code of the agreement")
    LeadDetails disqualify(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        Command c = Command.orEmpty(body);
        return run(
                actor,
                id,
                "disqualified",
                (lifecycle, status, at) -> lifecycle.disqualify(status, c.reason(), actor.name(), at));
    }

    @PostMapping("/{id}/opportunity")
    @Operation(summary = "Open an opportunity: amount, currency and expected close date")
    LeadDetails openOpportunity(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        Command c = Command.orEmpty(body);
        return run(
                actor,
                id,
                "opportunity opened",
                (lifecycle, status, at) -> lifecycle.openOpportunity(
                        status,
                        Optional.ofNullable(c.amount()),
                        Optional.ofNullable(c.currency()).map(s -> s.toUpperCase(Locale.ROOT)),
                        Optional.ofNullable(c.expectedCloseDate()),
                        actor.name(),
                        at));
    }

    @PostMapping("/{id}/won")
    @Operation(summary = "The opportunity was won")
    LeadDetails won(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        return run(actor, id, "won", (lifecycle, status, at) -> lifecycle.win(status, actor.name(), at));
    }

    @PostMapping("/{id}/lost")
    @Operation(summary = "The opportunity was lost; a reason is required")
    LeadDetails lost(Actor actor, @PathVariable long id, @RequestBody @Nullable Command body) {
        Command c = Command.orEmpty(body);
        return run(
                actor,
                id,
                "lost",
                (lifecycle, status, at) ->
                        lifecycle.lose(status, Optional.ofNullable(c.lostReason()), actor.name(), at));
    }

    @PostMapping("/{id}/reassign")
    @Operation(summary = "Give the lead to another rep, with a reason")
    LeadDetails reassign(Actor actor, @PathVariable long id, @RequestBody RosterController.ReassignRequest request) {
        return work.reassign(
                actor,
                id,
                () -> {
                    if (request.rep() == null || request.rep().isBlank()) {
                        throw new BadRequest("rep", "rep is required: who gets the lead");
                    }
                    return request.rep().strip();
                },
                Optional.ofNullable(request.reason()));
    }

    @PostMapping("/{id}/activities")
    @Operation(summary = "Log a call, email, meeting or social touch; the first one is the lead's first touch")
    LeadDetails logActivity(Actor actor, @PathVariable long id, @RequestBody ActivityRequest request) {
        return work.logTouch(actor, id, request::toActivity);
    }

    private LeadDetails run(Actor actor, long id, String cause, LeadCommands.Command command) {
        return work.run(actor, id, cause, command);
    }

    private LeadDetails details(long id) {
        return work.details(id);
    }

    /** The body of a lifecycle command; each command reads the fields it needs. */
    record Command(
            @Nullable String reasonCode,
            @Nullable String note,
            @Nullable Map<String, String> bant,
            @Nullable BigDecimal amount,
            @Nullable String currency,
            @Nullable LocalDate expectedCloseDate,
            @Nullable String lostReason) {

        static Command orEmpty(@Nullable Command body) {
            return body == null ? new Command(null, null, null, null, null, null, null) : body;
        }

        Optional<String> reason() {
            return Optional.ofNullable(reasonCode).map(String::strip).filter(r -> !r.isEmpty());
        }
    }

    /** A rep's touch as posted. */
    record ActivityRequest(
            @Nullable String type,
            @Nullable Instant at,
            @Nullable String rep,
            @Nullable String outcome,
            @Nullable String notes) {

        Activity toActivity() {
            var errors = new InvalidFields.Collector();
            Optional<Activity.Type> kind = Optional.empty();
            try {
                kind = Optional.ofNullable(type)
                        .map(t -> Activity.Type.valueOf(t.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                kind = Optional.empty();
            }
            if (kind.isEmpty()) {
                errors.add("type", "type must be call, email, meeting or social");
            }
            if (at == null) {
                errors.add("at", "at is required: when the touch happened");
            }
            if (rep == null || rep.isBlank()) {
                errors.add("rep", "rep is required: who made the touch");
            }
            errors.throwIfAny();
            return new Activity(
                    kind.orElseThrow(), at, rep.strip(), Optional.ofNullable(outcome), Optional.ofNullable(notes));
        }
    }
}
