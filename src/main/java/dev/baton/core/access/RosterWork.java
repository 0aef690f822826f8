package dev.baton.core.access;

import dev.baton.core.engine.RosterCommands;
import dev.baton.core.engine.RosterStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Changes to the roster by a person — seats, availability, absences — the same from the API and from the pages: refused
 * unless the actor may (seats take {@link Permission#MANAGE_TEAMS}; a rep's availability and absences
 * {@link Permission#MANAGE_AVAILABILITY} on that rep), then done and audited in one transaction with the rep's seats,
 * availability and absences before and after. What the request says is read only after the check, so a refusal comes
 * before any complaint about it.
 */
public final class RosterWork {

    /** A seat as asked for: the rep, and the weight, capacity and Slack id when given. */
    public record Seat(String rep, OptionalInt weight, OptionalInt capacity, Optional<String> slack) {}

    /** An out-of-office stretch as asked for; the roster says what is missing or wrong. */
    public record Stretch(Optional<Instant> from, Optional<Instant> until, Optional<String> note) {}

    private final RosterCommands roster;
    private final Access access;
    private final Audit audit;

    public RosterWork(RosterCommands roster, Access access, Audit audit) {
        this.roster = roster;
        this.access = access;
        this.audit = audit;
    }

    /** Seats a rep in a team at the rotation's current position. */
    public void seat(Actor actor, String team, Supplier<Seat> request) {
        access.require(actor, Permission.MANAGE_TEAMS);
        Seat seat = request.get();
        audited(
                actor,
                "team.seated",
                "team/" + team,
                seat.rep(),
                () -> roster.seat(team, seat.rep(), seat.weight().orElse(1), seat.capacity(), seat.slack()));
    }

    public void unseat(Actor actor, String team, String rep) {
        access.require(actor, Permission.MANAGE_TEAMS);
        audited(actor, "team.unseated", "team/" + team, rep, () -> roster.unseat(team, rep));
    }

    /** Makes the rep active or inactive for routing. */
    public void setActive(Actor actor, String rep, Supplier<Boolean> active) {
        access.requireOnRep(actor, Permission.MANAGE_AVAILABILITY, rep);
        boolean wanted = active.get();
        audited(actor, "rep.availability_changed", "rep/" + rep, rep, () -> roster.setActive(rep, wanted));
    }

    /** Records an absence; its id. */
    public long addAbsence(Actor actor, String rep, Supplier<Stretch> request) {
        access.requireOnRep(actor, Permission.MANAGE_AVAILABILITY, rep);
        Stretch stretch = request.get();
        long[] id = new long[1];
        audited(
                actor,
                "rep.absence_added",
                "rep/" + rep,
                rep,
                () -> id[0] = roster.addAbsence(rep, stretch.from(), stretch.until(), stretch.note()));
        return id[0];
    }

    public void removeAbsence(Actor actor, String rep, long id) {
        access.requireOnRep(actor, Permission.MANAGE_AVAILABILITY, rep);
        audited(actor, "rep.absence_removed", "rep/" + rep, rep, () -> roster.removeAbsence(rep, id));
    }

    /** May the actor seat and unseat reps? */
    public boolean mayManageTeams(Actor actor) {
        return access.policy().check(actor, Permission.MANAGE_TEAMS).allowed();
    }

    /** The reps of these teams whose availability and absences the actor may change, in lower case. */
    public Set<String> availabilityTheyMayChange(Actor actor, List<RosterStore.TeamRoster> teams) {
        Map<String, Set<String>> managers = new HashMap<>();
        for (RosterStore.TeamRoster team : teams) {
            for (RosterStore.Member member : team.members()) {
                managers.computeIfAbsent(lower(member.rep()), rep -> new HashSet<>())
                        .add(lower(team.manager()));
            }
        }
        Set<String> reps = new HashSet<>();
        managers.forEach((rep, of) -> {
            if (access.policy()
                    .onRep(actor, Permission.MANAGE_AVAILABILITY, rep, of)
                    .allowed()) {
                reps.add(rep);
            }
        });
        return reps;
    }

    private void audited(Actor actor, String action, String subject, String rep, Runnable change) {
        audit.record(
                actor,
                action,
                subject,
                () -> state(rep),
                () -> {
                    change.run();
                    return rep;
                },
                this::state);
    }

    /** What the audit keeps of a rep: their seats, whether they are active, their absences. */
    private Map<String, String> state(String rep) {
        var state = new LinkedHashMap<String, String>();
        for (RosterStore.TeamRoster team : roster.teams()) {
            for (RosterStore.Member member : team.members()) {
                if (member.rep().equalsIgnoreCase(rep)) {
                    state.put(
                            "seat." + team.name(),
                            "weight " + member.weight()
                                    + (member.capacity().isPresent()
                                            ? ", capacity " + member.capacity().getAsInt()
                                            : ""));
                    state.put("active", Boolean.toString(member.active()));
                    state.put(
                            "absences",
                            String.join(
                                    "; ",
                                    member.absences().stream()
                                            .map(a -> a.id() + ": " + a.from() + " to " + a.until())
                                            .toList()));
                }
            }
        }
        return state;
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
