package dev.baton.core.engine;

import dev.baton.core.lead.Email;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Changes to the roster between agreement versions: seats, availability, absences. */
public final class RosterCommands {

    private final RosterStore roster;
    private final Transactions transactions;
    private final Clock clock;

    public RosterCommands(RosterStore roster, Transactions transactions, Clock clock) {
        this.roster = roster;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<RosterStore.TeamRoster> teams() {
        return roster.teams(clock.instant());
    }

    /** Seats a rep in a team at the rotation's current position; nobody else's turn changes. */
    public void seat(String team, String rep, int weight, OptionalInt capacity, Optional<String> slack) {
        String email = Email.parse(rep)
                .map(Email::address)
                .orElseThrow(() -> new BatonException.Invalid("rep", "'" + rep + "' is not an email address"));
        if (weight < 1 || weight > 100) {
            throw new BatonException.Invalid("weight", "weight must be 1 to 100, not " + weight);
        }
        if (capacity.isPresent() && capacity.getAsInt() < 1) {
            throw new BatonException.Invalid("capacity", "capacity must be 1 or more");
        }
        transactions.inTransaction(() -> {
            requireTeam(team);
            roster.addSeat(team, email, weight, capacity, slack, clock.instant());
            return null;
        });
    }

    public void unseat(String team, String rep) {
        transactions.inTransaction(() -> {
            if (!roster.removeSeat(team, rep)) {
                throw new BatonException.NotFound(rep + " has no seat in team " + team);
            }
            return null;
        });
    }

    public void setActive(String rep, boolean active) {
        transactions.inTransaction(() -> {
            if (!roster.setActive(rep, active)) {
                throw BatonException.NotFound.rep(rep, Optional.empty());
            }
            return null;
        });
    }

    public long addAbsence(String rep, Optional<Instant> from, Optional<Instant> until, Optional<String> note) {
        Instant start = from.orElseThrow(() -> new BatonException.Invalid("from", "from is required"));
        Instant end = until.orElseThrow(() -> new BatonException.Invalid("until", "until is required"));
        if (!end.isAfter(start)) {
            throw new BatonException.Invalid("until", "until must be after from");
        }
        return transactions.inTransaction(() -> {
            if (!roster.repExists(rep)) {
                throw BatonException.NotFound.rep(rep, Optional.empty());
            }
            return roster.addAbsence(rep, start, end, note);
        });
    }

    public void removeAbsence(String rep, long id) {
        transactions.inTransaction(() -> {
            if (!roster.removeAbsence(rep, id)) {
                throw new BatonException.NotFound("rep " + rep + " has no absence " + id);
            }
            return null;
        });
    }

    private void requireTeam(String team) {
        if (!roster.teamExists(team)) {
            throw new BatonException.NotFound("there is no team " + team);
        }
    }
}
