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

    /** This roster as if the rep could take nothing, for passing their leads on to others. */
    default Roster without(String rep) {
        Roster all = this;
        return new Roster() {
            @Override
            public Rotation rotation(String team) {
                Rotation rotation = all.rotation(team);
                return new Rotation(
                        rotation.team(),
                        rotation.pass(),
                        rotation.seats().stream()
                                .map(s -> s.rep().equals(rep) ? s.inactive() : s)
                                .toList());
            }

            @Override
            public Optional<Seat> seat(String name) {
                return all.seat(name).map(s -> s.rep().equals(rep) ? s.inactive() : s);
            }

            @Override
            public Optional<String> teamOf(String name) {
                return all.teamOf(name);
            }
        };
    }

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
