package dev.baton.core.engine;

import dev.baton.core.agreement.Team;
import dev.baton.core.routing.Roster;
import dev.baton.core.routing.Rotation;
import dev.baton.core.routing.Router;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to the roster: teams, reps, seats, absences, rotations, and the owners of accounts. */
public interface RosterStore {

    /** The roster as it stands now; reading a team's rotation locks it until the transaction ends. */
    Roster roster(Instant at);

    void saveRotation(Rotation rotation);

    /** Adds the teams, reps and seats an agreement names and updates their weights and capacities; removes nobody. */
    void sync(List<Team> teams, Instant at);

    /** The rep who owns the lead's account: its company's owner, or the owner of a company of the same name. */
    Optional<Router.AccountOwner> accountOwner(long leadId);

    /** Makes the rep the owner of the lead's company if it has none. */
    void claimAccount(long leadId, String rep);

    /** A team as the roster holds it. */
    record TeamRoster(String name, String manager, Optional<String> timezone, List<Member> members) {}

    /** A rep's seat in a team, with their availability and load. */
    record Member(
            String rep,
            Optional<String> slack,
            int weight,
            java.util.OptionalInt capacity,
            int openMqls,
            boolean active,
            List<Absence> absences) {}

    /** A recorded absence. */
    record Absence(long id, Instant from, Instant until, Optional<String> note) {}

    List<TeamRoster> teams(Instant at);

    boolean teamExists(String team);

    boolean repExists(String rep);

    /** The team that seats the rep (the first by name when several do). */
    Optional<String> teamOf(String rep);

    /** Seats a rep in a team (creating the rep if new) at the rotation's current position. */
    void addSeat(
            String team, String rep, int weight, java.util.OptionalInt capacity, Optional<String> slack, Instant at);

    boolean removeSeat(String team, String rep);

    boolean setActive(String rep, boolean active);

    long addAbsence(String rep, Instant from, Instant until, Optional<String> note);

    boolean removeAbsence(String rep, long id);

    /** The leads a rep owns that are still in play, in id order. */
    List<Long> openLeadsOwnedBy(String rep);
}
