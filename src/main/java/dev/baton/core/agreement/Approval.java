package dev.baton.core.agreement;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A sign-off on an agreement version by one side of the agreement. */
public record Approval(Side side, String approver, Instant at, Optional<String> comment) {

    /** The two sides that must both sign an agreement before it runs. */
    public enum Side {
        MARKETING,
        SALES;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Side> of(String word) {
            for (Side side : values()) {
                if (side.word().equals(word)) {
                    return Optional.of(side);
                }
            }
            return Optional.empty();
        }
    }

    public Approval {
        if (approver.isBlank()) {
            throw new IllegalArgumentException("an approval needs the approver's name");
        }
    }
}
