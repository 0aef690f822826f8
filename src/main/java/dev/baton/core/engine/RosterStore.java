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
}
