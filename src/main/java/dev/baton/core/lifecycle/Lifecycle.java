package dev.baton.core.lifecycle;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.ReasonCode;
import dev.baton.core.agreement.SqlRequirements;
import dev.baton.core.scoring.Score;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The guarded steps of the lifecycle. Each takes the lead's status and what the step needs, and returns the
 * changes it causes, a refusal naming the current stage and the allowed steps, or the missing piece.
 */
public final class Lifecycle {

    private final Agreement agreement;
    private final int agreementVersion;

    public Lifecycle(Agreement agreement, int agreementVersion) {
        this.agreement = agreement;
        this.agreementVersion = agreementVersion;
    }

    /**
     * Scoring qualifies the lead if its score meets the MQL rule, once per cycle, after any cool-off. For a lead that
     * sales sent back, {@code card} must be its score on the engagement after {@link LeadStatus#evidenceAfter()} only
     * (see {@link Requalification}): old evidence never qualifies a lead again.
     */
    public Optional<StageChange.LeadQualified> qualify(LeadStatus status, Score card, String actor) {
        if (!Transitions.allows(status.stage(), Step.QUALIFY)) {
            return Optional.empty();
        }
        if (status.coolOffUntil().filter(card.at()::isBefore).isPresent()) {
            return Optional.empty();
        }
        Optional<Requalification> again = status.evidenceAfter().map(after -> new Requalification(after, card));
        if (!again.map(Requalification::qualifies).orElse(card.mql().qualified())) {
            return Optional.empty();
        }
        List<String> priority =
                card.priority().stream().map(flag -> flag.rule()).toList();
        return Optional.of(new StageChange.LeadQualified(
                status.stage(),
                card.at(),
                actor,
                status.cycle() + 1,
                agreementVersion,
                card.total(),
                card.fit(),
                again.map(Requalification::explanation).orElse(card.mql().explanation()),
                priority));
    }

    public Outcome accept(LeadStatus status, String actor, Instant at) {
        return step(status, Step.ACCEPT, () -> moved(new StageChange.LeadAccepted(status.stage(), at, actor)));
    }

    /** Rejection needs a reason code of the agreement; its consequence is applied at once. */
    public Outcome reject(
            LeadStatus status, Optional<String> reasonCode, Optional<String> note, String actor, Instant at) {
        return step(
                status,
                Step.REJECT,
                () -> reason(reasonCode)
                        .map(code -> {
                            var rejected = new StageChange.LeadRejected(status.stage(), at, actor, code.code(), note);
                            return (Outcome)
                                    new Outcome.Moved(List.of(rejected, consequence(code, Stage.REJECTED, actor, at)));
                        })
                        .orElseGet(() -> missingReason(reasonCode)));
    }

    /**
     * A lead that never answered the required attempts is closed with the agreement's reason code for it: an MQL is
     * rejected with it, an accepted lead nurtured, recycled or disqualified as the code's consequence says.
     */
    public Outcome closeUnresponsive(LeadStatus status, String reasonCode, String actor, Instant at) {
        Optional<String> code = Optional.of(reasonCode);
        if (status.stage() == Stage.MQL) {
            return reject(status, code, Optional.of("unresponsive after the required attempts"), actor, at);
        }
        return reason(code)
                .map(found -> switch (found.consequence()) {
                    case NURTURE -> nurture(status, code, actor, at);
                    case RECYCLE -> recycle(status, code, actor, at);
                    case DISQUALIFY -> disqualify(status, code, actor, at);
                })
                .orElseGet(() -> missingReason(code));
    }

    public Outcome qualifyToSql(LeadStatus status, Map<String, String> bant, String actor, Instant at) {
        return step(status, Step.QUALIFY_SQL, () -> {
            var answers = new TreeMap<String, String>();
            bant.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    answers.put(k, v.strip());
                }
            });
            for (SqlRequirements.Bant item : SqlRequirements.Bant.values()) {
                if (agreement.sql().require().contains(item) && !answers.containsKey(item.word())) {
                    return new Outcome.Incomplete(
                            "bant." + item.word(), "the agreement requires an answer for " + item.word());
                }
            }
            return moved(new StageChange.LeadSalesQualified(status.stage(), at, actor, answers));
        });
    }

    public Outcome openOpportunity(
            LeadStatus status,
            Optional<BigDecimal> amount,
            Optional<String> currency,
            Optional<LocalDate> expectedClose,
            String actor,
            Instant at) {
        return step(status, Step.OPEN_OPPORTUNITY, () -> {
            if (amount.filter(a -> a.signum() > 0).isEmpty()) {
                return new Outcome.Incomplete("amount", "an opportunity needs an amount above zero");
            }
            if (currency.filter(Lifecycle::isCurrency).isEmpty()) {
                return new Outcome.Incomplete("currency", "an opportunity needs an ISO 4217 currency, like USD");
            }
            if (expectedClose.isEmpty()) {
                return new Outcome.Incomplete("expectedCloseDate", "an opportunity needs an expected close date");
            }
            return moved(new StageChange.OpportunityOpened(
                    status.stage(), at, actor, amount.get(), currency.get(), expectedClose.get()));
        });
    }

    public Outcome win(LeadStatus status, String actor, Instant at) {
        return step(status, Step.WIN, () -> moved(new StageChange.OpportunityWon(status.stage(), at, actor)));
    }

    public Outcome lose(LeadStatus status, Optional<String> reason, String actor, Instant at) {
        return step(
                status,
                Step.LOSE,
                () -> reason.filter(r -> !r.isBlank())
                        .map(r -> moved(new StageChange.OpportunityLost(status.stage(), at, actor, r.strip())))
                        .orElseGet(() -> new Outcome.Incomplete("lostReason", "a lost opportunity needs a reason")));
    }

    /** Back to marketing's nurture programmes; a reason code is optional, but must be the agreement's if given. */
    public Outcome nurture(LeadStatus status, Optional<String> reasonCode, String actor, Instant at) {
        return step(status, Step.NURTURE, () -> {
            if (reasonCode.isPresent() && reason(reasonCode).isEmpty()) {
                return missingReason(reasonCode);
            }
            return moved(new StageChange.LeadNurtured(status.stage(), at, actor, reasonCode));
        });
    }

    /** Back to marketing; a recycle reason code sets the cool-off before the lead may qualify again. */
    public Outcome recycle(LeadStatus status, Optional<String> reasonCode, String actor, Instant at) {
        return step(status, Step.RECYCLE, () -> {
            if (reasonCode.isPresent() && reason(reasonCode).isEmpty()) {
                return missingReason(reasonCode);
            }
            return moved(new StageChange.LeadRecycled(status.stage(), at, actor, reasonCode, coolOff(reasonCode, at)));
        });
    }

    /**
     * When the cool-off of a lead recycled now with this reason code ends, if the code has one; a business span is
     * counted on the agreement's calendar.
     */
    private Optional<Instant> coolOff(Optional<String> reasonCode, Instant at) {
        return reason(reasonCode)
                .flatMap(ReasonCode::coolOff)
                .map(span -> agreement.calendar().calendar().plus(at, span));
    }

    public Outcome disqualify(LeadStatus status, Optional<String> reasonCode, String actor, Instant at) {
        return step(
                status,
                Step.DISQUALIFY,
                () -> reason(reasonCode)
                        .map(code -> moved(new StageChange.LeadDisqualified(status.stage(), at, actor, code.code())))
                        .orElseGet(() -> missingReason(reasonCode)));
    }

    /**
     * Records a stage change from another system's history. The rules of the live commands hold: the transition table;
     * a reason code of the agreement for every rejection and disqualification, and a reason in words for a lost
     * opportunity; a recycle reason code's cool-off; a rejection's consequence at once.
     */
    public Outcome recordPast(
            LeadStatus status,
            Stage to,
            Optional<String> reasonCode,
            Optional<String> reason,
            String actor,
            Instant at,
            String source) {
        return recordPast(status, to, reasonCode, reason, actor, at, source, Optional.empty(), Optional.empty());
    }

    /** As the other, with an opportunity's amount (zero allowed: a lost deal may be worth nothing) and currency. */
    public Outcome recordPast(
            LeadStatus status,
            Stage to,
            Optional<String> reasonCode,
            Optional<String> reason,
            String actor,
            Instant at,
            String source,
            Optional<java.math.BigDecimal> amount,
            Optional<String> currency) {
        if (amount.filter(a -> a.signum() < 0).isPresent()) {
            return new Outcome.Incomplete("amount", "an amount cannot be negative");
        }
        if (currency.filter(c -> !isCurrency(c)).isPresent()) {
            return new Outcome.Incomplete("currency", "'" + currency.get() + "' is not an ISO 4217 currency, like USD");
        }
        if (to == Stage.LEAD) {
            return new Outcome.Incomplete("stage", "a lead cannot move back to lead; use nurture or recycled");
        }
        Optional<String> words = reason.map(String::strip).filter(r -> !r.isEmpty());
        Optional<Instant> until = to == Stage.RECYCLED ? coolOff(reasonCode, at) : Optional.empty();
        var recorded = new StageChange.StageRecorded(
                status.stage(),
                to,
                at,
                actor,
                reasonCode,
                words,
                until,
                source,
                to == Stage.OPPORTUNITY ? amount : Optional.empty(),
                to == Stage.OPPORTUNITY ? currency : Optional.empty());
        if (!Transitions.allows(status.stage(), recorded.step())) {
            return new Outcome.Refused(
                    status.stage(),
                    recorded.step(),
                    Transitions.from(status.stage()),
                    Optional.of(notNext(status.stage(), to)));
        }
        return step(status, recorded.step(), () -> {
            boolean needsCode = to == Stage.REJECTED || to == Stage.DISQUALIFIED;
            Optional<ReasonCode> code = reason(reasonCode);
            if ((needsCode || reasonCode.isPresent()) && code.isEmpty()) {
                return missingReason(reasonCode);
            }
            if (to == Stage.LOST && words.isEmpty()) {
                return new Outcome.Incomplete("lostReason", "a lost opportunity needs a reason");
            }
            if (to == Stage.REJECTED) {
                return new Outcome.Moved(List.of(recorded, consequence(code.orElseThrow(), Stage.REJECTED, actor, at)));
            }
            return moved(recorded);
        });
    }

    /** Why a past stage cannot follow the lead's stage, in the terms of a file of stage changes. */
    private static String notNext(Stage current, Stage to) {
        if (current == to) {
            return "the lead is " + to.word() + " already: this row repeats the stage it reached last (a duplicate row,"
                    + " or rows out of time order?)";
        }
        List<String> next = Transitions.from(current).stream()
                .map(Step::target)
                .distinct()
                .map(Stage::word)
                .sorted()
                .toList();
        return "the lead is " + current.word() + " at this time, and goes from there to "
                + (next.isEmpty() ? "nothing (" + current.word() + " is final)" : String.join(", ", next))
                + ", not to " + to.word();
    }

    private Outcome step(LeadStatus status, Step step, java.util.function.Supplier<Outcome> guarded) {
        if (!Transitions.allows(status.stage(), step)) {
            return new Outcome.Refused(status.stage(), step, Transitions.from(status.stage()));
        }
        return guarded.get();
    }

    private static Outcome moved(StageChange change) {
        return new Outcome.Moved(List.of(change));
    }

    private Optional<ReasonCode> reason(Optional<String> code) {
        return code.flatMap(agreement::reasonCode);
    }

    private Outcome missingReason(Optional<String> code) {
        List<String> codes =
                agreement.reasonCodes().stream().map(ReasonCode::code).toList();
        if (code.isEmpty() || code.get().isBlank()) {
            return new Outcome.Incomplete(
                    "reasonCode", "a reason code is required; one of " + String.join(", ", codes));
        }
        return new Outcome.Incomplete(
                "reasonCode",
                "'" + code.get() + "' is not a reason code of the agreement; one of " + String.join(", ", codes));
    }

    /** What the reason code's consequence does to a lead that was just rejected. */
    private StageChange consequence(ReasonCode code, Stage from, String actor, Instant at) {
        return switch (code.consequence()) {
            case DISQUALIFY -> new StageChange.LeadDisqualified(from, at, actor, code.code());
            case NURTURE -> new StageChange.LeadNurtured(from, at, actor, Optional.of(code.code()));
            case RECYCLE ->
                new StageChange.LeadRecycled(
                        from, at, actor, Optional.of(code.code()), coolOff(Optional.of(code.code()), at));
        };
    }

    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return code.length() == 3;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
