package dev.baton.adapter.api;

import dev.baton.core.access.Access;
import dev.baton.core.access.Actor;
import dev.baton.core.access.Audit;
import dev.baton.core.access.Permission;
import dev.baton.core.access.RosterWork;
import dev.baton.core.engine.Reassignments;
import dev.baton.core.engine.RosterCommands;
import dev.baton.core.engine.RosterStore;
import dev.baton.core.routing.RoutingDecision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams and reps: seats, availability, absences, and passing a rep's leads on. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Roster", description = "Teams, reps, seats in the rotation, availability")
class RosterController {

    private final RosterCommands roster;
    private final RosterWork work;
    private final Reassignments reassignments;
    private final Access access;
    private final Audit audit;

    RosterController(RosterCommands roster, RosterWork work, Reassignments reassignments, Access access, Audit audit) {
        this.roster = roster;
        this.work = work;
        this.reassignments = reassignments;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/teams")
    @Operation(summary = "Every team with its reps: weight, capacity, open MQLs, active, absences")
    List<RosterStore.TeamRoster> teams() {
        return roster.teams();
    }

    @PostMapping("/teams/{team}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Seat a rep in a team at the rotation's current position")
    void seat(Actor actor, @PathVariable String team, @RequestBody SeatRequest request) {
        work.seat(actor, team, () -> {
            if (request.rep() == null || request.rep().isBlank()) {
                throw new BadRequest("rep", "rep is required: the rep's email");
            }
            return new RosterWork.Seat(
                    request.rep(),
                    request.weight() == null ? OptionalInt.empty() : OptionalInt.of(request.weight()),
                    request.capacity() == null ? OptionalInt.empty() : OptionalInt.of(request.capacity()),
                    Optional.ofNullable(request.slack()));
        });
    }

    @DeleteMapping("/teams/{team}/members/{rep}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a rep out of a team; everyone else keeps their place in the rotation")
    void unseat(Actor actor, @PathVariable String team, @PathVariable String rep) {
        work.unseat(actor, team, rep);
    }

    @PutMapping("/reps/{rep}/active")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Make a rep active or inactive for routing")
    void setActive(Actor actor, @PathVariable String rep, @RequestBody ActiveRequest request) {
        work.setActive(actor, rep, () -> {
            if (request.active() == null) {
                throw new BadRequest("active", "active is required: true or false");
            }
            return request.active();
        });
    }

    @PostMapping("/reps/{rep}/absences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an out-of-office stretch; routing skips the rep meanwhile")
    Map<String, Long> addAbsence(Actor actor, @PathVariable String rep, @RequestBody AbsenceRequest request) {
        long id = work.addAbsence(
                actor,
                rep,
                () -> new RosterWork.Stretch(
                        Optional.ofNullable(request.from()),
                        Optional.ofNullable(request.until()),
                        Optional.ofNullable(request.note())));
        return Map.of("id", id);
    }

    @DeleteMapping("/reps/{rep}/absences/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an absence")
    void removeAbsence(Actor actor, @PathVariable String rep, @PathVariable long id) {
        work.removeAbsence(actor, rep, id);
    }

    @PostMapping("/reps/{rep}/reassign")
    @Operation(summary = "Route every open lead of a rep again, without them (they leave or go on leave)")
    List<RoutingDecision> reassignAll(Actor actor, @PathVariable String rep, @RequestBody ReassignRequest request) {
        access.requireOnRep(actor, Permission.MANAGE_AVAILABILITY, rep);
        return audit.record(
                actor,
                "rep.leads_reassigned",
                "rep/" + rep,
                Map::of,
                () -> reassignments.reassignOpenLeadsOf(rep, Optional.ofNullable(request.reason()), actor.name()),
                decisions -> Map.of("leads", Integer.toString(decisions.size())));
    }

    record SeatRequest(
            @Nullable String rep,
            @Nullable Integer weight,
            @Nullable Integer capacity,
            @Nullable String slack) {}

    record ActiveRequest(@Nullable Boolean active) {}

    record AbsenceRequest(
            @Nullable Instant from,
            @Nullable Instant until,
            @Nullable String note) {}

    record ReassignRequest(
            @Nullable String reason, @Nullable String rep) {}
}
