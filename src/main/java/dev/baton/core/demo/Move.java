package dev.baton.core.demo;

import dev.baton.core.lead.Activity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One step of the demo's plan, about one lead (by email), at the moment it happens. Sales' steps name no rep: whoever
 * holds the lead then takes them, as routing, the timers and reassignments decided.
 */
public sealed interface Move {

    Instant at();

    String email();

    /** The lead arrives with its profile and its company's ({@code lead.*}, {@code company.*}). */
    record Arrive(Instant at, String email, Map<String, String> fields) implements Move {
        public Arrive {
            fields = Map.copyOf(fields);
        }
    }

    /** An engagement event, which scoring counts. */
    record Engage(Instant at, String email, String eventId, String type, Map<String, String> properties)
            implements Move {
        public Engage {
            properties = Map.copyOf(properties);
        }
    }

    /** A call, email, social touch or meeting by the lead's rep. */
    record Touch(Instant at, String email, Activity.Type type, Optional<String> outcome) implements Move {}

    record Accept(Instant at, String email) implements Move {}

    record Reject(Instant at, String email, String reasonCode, String note) implements Move {}

    /** Sales qualifies the lead with the BANT answers. */
    record Qualify(Instant at, String email, Map<String, String> bant) implements Move {
        public Qualify {
            bant = Map.copyOf(bant);
        }
    }

    record Open(Instant at, String email, BigDecimal amount, String currency, LocalDate expectedClose)
            implements Move {}

    record Win(Instant at, String email) implements Move {}

    record Lose(Instant at, String email, String reason) implements Move {}

    /** Back to marketing's nurture programmes, with an optional reason code. */
    record Nurture(Instant at, String email, Optional<String> reasonCode) implements Move {}

    /** A manager gives the lead to a teammate of the rep who holds it. */
    record Reassign(Instant at, String email, String reason) implements Move {}
}
