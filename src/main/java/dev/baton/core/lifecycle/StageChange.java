package dev.baton.core.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A lead moving from one stage to another: the past-tense events of the lifecycle. */
public sealed interface StageChange {

    Stage from();

    Instant at();

    String actor();

    Step step();

    default Stage to() {
        return step().target();
    }

    /** Until when a lead this change recycles must wait before it may qualify again; empty for any other change. */
    default Optional<Instant> coolOffUntil() {
        return Optional.empty();
    }

    /** Scoring met the MQL rule of an agreement version (with this score and fit score); the start of a handoff. */
    record LeadQualified(
            Stage from,
            Instant at,
            String actor,
            int cycle,
            int agreementVersion,
            int score,
            int fit,
            String why,
            List<String> priority)
            implements StageChange {
        @Override
        public Step step() {
            return Step.QUALIFY;
        }
    }

    /** Sales took the MQL. */
    record LeadAccepted(Stage from, Instant at, String actor) implements StageChange {
        @Override
        public Step step() {
            return Step.ACCEPT;
        }
    }

    /** Sales turned the MQL down, with a reason code of the agreement. */
    record LeadRejected(Stage from, Instant at, String actor, String reasonCode, Optional<String> note)
            implements StageChange {
        @Override
        public Step step() {
            return Step.REJECT;
        }
    }

    /** Sales qualified the lead, recording the BANT answers the agreement asks for. */
    record LeadSalesQualified(Stage from, Instant at, String actor, Map<String, String> bant) implements StageChange {
        @Override
        public Step step() {
            return Step.QUALIFY_SQL;
        }
    }

    /** An opportunity was opened for the lead. */
    record OpportunityOpened(
            Stage from, Instant at, String actor, BigDecimal amount, String currency, LocalDate expectedClose)
            implements StageChange {
        @Override
        public Step step() {
            return Step.OPEN_OPPORTUNITY;
        }
    }

    /** The opportunity was won. */
    record OpportunityWon(Stage from, Instant at, String actor) implements StageChange {
        @Override
        public Step step() {
            return Step.WIN;
        }
    }

    /** The opportunity was lost, and why. */
    record OpportunityLost(Stage from, Instant at, String actor, String reason) implements StageChange {
        @Override
        public Step step() {
            return Step.LOSE;
        }
    }

    /** The lead went back to marketing's nurture programmes. */
    record LeadNurtured(Stage from, Instant at, String actor, Optional<String> reasonCode) implements StageChange {
        @Override
        public Step step() {
            return Step.NURTURE;
        }
    }

    /** The lead went back to marketing, and may qualify again once the cool-off has passed. */
    record LeadRecycled(
            Stage from, Instant at, String actor, Optional<String> reasonCode, Optional<Instant> coolOffUntil)
            implements StageChange {
        @Override
        public Step step() {
            return Step.RECYCLE;
        }
    }

    /** The lead is out, with a reason code of the agreement. */
    record LeadDisqualified(Stage from, Instant at, String actor, String reasonCode) implements StageChange {
        @Override
        public Step step() {
            return Step.DISQUALIFY;
        }
    }

    /**
     * A stage change that happened before Baton knew the lead, imported from another system with its original time,
     * actor, reason code and reason in words (and, for an opportunity, its amount as the other system knows it); it
     * follows the same transition table and the same rules on reasons and cool-offs as the live commands.
     */
    record StageRecorded(
            Stage from,
            Stage target,
            Instant at,
            String actor,
            Optional<String> reasonCode,
            Optional<String> reason,
            Optional<Instant> coolOffUntil,
            String source,
            Optional<java.math.BigDecimal> amount,
            Optional<String> currency)
            implements StageChange {
        @Override
        public Step step() {
            for (Step step : Step.values()) {
                if (step.target() == target) {
                    return step;
                }
            }
            throw new IllegalStateException("no step leads to " + target);
        }
    }
}
