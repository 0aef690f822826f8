package dev.baton.core.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A team's weighted round-robin (stride scheduling). Each rep has a pass; the available rep with the lowest pass gets
 * the lead and moves on by a stride inversely proportional to their weight. The team's pass is where the rotation
 * stands (the lowest pass among those who could take the next lead): a rep who was away, or is new, starts from it —
 * never with a backlog of leads they are "owed".
 */
public record Rotation(String team, long pass, List<Seat> seats) {

    /** Strides are this divided by the weight; divisible by every weight up to 16 and by 100. */
    public static final long SCALE = 720_720L * 100L * 1000L;

    public Rotation {
        seats = List.copyOf(seats);
    }

    /** The pick: who gets the lead, the rotation after it, and who was passed over and why. */
    public record Pick(Optional<Seat> chosen, Rotation next, List<String> skipped) {}

    public Pick pick(Instant at) {
        Seat best = null;
        long bestPass = Long.MAX_VALUE;
        var skipped = new ArrayList<String>();
        for (Seat seat : seats) {
            Optional<String> reason = seat.unavailable(at);
            if (reason.isPresent()) {
                skipped.add(seat.rep() + " skipped: " + reason.get());
                continue;
            }
            long effective = Math.max(seat.pass(), pass);
            if (effective < bestPass) {
                best = seat;
                bestPass = effective;
            }
        }
        if (best == null) {
            return new Pick(Optional.empty(), this, skipped);
        }
        var next = new ArrayList<Seat>();
        long standing = Long.MAX_VALUE;
        for (Seat seat : seats) {
            Seat after = seat == best ? seat.withPass(bestPass + seat.stride()) : seat;
            next.add(after);
            if (after.unavailable(at).isEmpty()) {
                standing = Math.min(standing, Math.max(after.pass(), pass));
            }
        }
        return new Pick(Optional.of(best), new Rotation(team, standing, next), skipped);
    }
}
