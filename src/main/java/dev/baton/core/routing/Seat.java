package dev.baton.core.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A rep's place in a team's rotation: weight, capacity and current load, availability, and the rotation pass (the
 * lower the pass, the sooner the rep's turn).
 */
public record Seat(
        String rep, int weight, OptionalInt capacity, int openMqls, boolean active, List<Absence> absences, long pass) {

    /** A stretch of time a rep is out of office. */
    public record Absence(Instant from, Instant until) {
        public Absence {
            if (!until.isAfter(from)) {
                throw new IllegalArgumentException("an absence ends after it starts");
            }
        }

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    public Seat {
        if (weight < 1) {
            throw new IllegalArgumentException("weight must be 1 or more");
        }
        absences = List.copyOf(absences);
    }

    /** Why the rep cannot take a lead now; empty when they can. */
    public Optional<String> unavailable(Instant at) {
        if (!active) {
            return Optional.of("inactive");
        }
        for (Absence absence : absences) {
            if (absence.covers(at)) {
                return Optional.of("out of office until " + absence.until());
            }
        }
        if (capacity.isPresent() && openMqls >= capacity.getAsInt()) {
            return Optional.of("at capacity " + openMqls + "/" + capacity.getAsInt());
        }
        return Optional.empty();
    }

    /** How far one lead moves the rep along the rotation: heavier reps move less, so come round more often. */
    public long stride() {
        return Rotation.SCALE / weight;
    }

    public Seat inactive() {
        return new Seat(rep, weight, capacity, openMqls, false, absences, pass);
    }

    public Seat withPass(long next) {
        return new Seat(rep, weight, capacity, openMqls, active, absences, next);
    }
}
