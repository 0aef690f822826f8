package dev.baton.core.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The teams' rotations as routing sees them; a store locks a team's rotation when it is read for a pick. */
public interface Roster {

    /** The team's rotation; an empty one when the team has no seats. */
    Rotation rotation(String team);

    /** The rep's seat in whichever team holds it. */
    Optional<Seat> seat(String rep);

    Optional<String> teamOf(String rep);

    /** A roster held in memory. */
    static Roster of(Map<String, Rotation> rotations) {
        return new Roster() {
            @Override
            public Rotation rotation(String team) {
                return rotations.getOrDefault(team, new Rotation(team, 0, List.of()));
            }

            @Override
            public Optional<Seat> seat(String rep) {
                return rotations.values().stream()
                        .flatMap(r -> r.seats().stream())
                        .filter(s -> s.rep().equals(rep))
                        .findFirst();
            }

            @Override
            public Optional<String> teamOf(String rep) {
                return rotations.values().stream()
                        .filter(r -> r.seats().stream().anyMatch(s -> s.rep().equals(rep)))
                        .map(Rotation::team)
                        .sorted()
                        .findFirst();
            }
        };
    }
}
