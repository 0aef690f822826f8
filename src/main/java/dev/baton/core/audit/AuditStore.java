package dev.baton.core.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The funnel's data as the audit reads it: each question a tally of the leads it finds. */
public interface AuditStore {

    /** How many examples a tally names, at most. */
    int EXAMPLES = 5;

    /**
     * Leads found by a check: how many of how many were looked at, the open or won pipeline on their cycles, how many
     * of them had no opportunity (whose pipeline is not known yet), and some of their ids, lowest first.
     */
    record Tally(long count, long of, BigDecimal pipeline, long withoutOpportunity, List<Long> examples) {

        public static Tally none(long of) {
            return new Tally(0, of, BigDecimal.ZERO, 0, List.of());
        }
    }

    /** The stages at which a field's completeness is checked: every lead, and the cycles that reached each stage. */
    enum Stage {
        LEAD,
        MQL,
        SQL,
        OPPORTUNITY;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The leads at the stage (by {@code asOf}) without a value for the field, on the lead or its company. */
    Tally missing(String field, Stage stage, Instant asOf);

    /** Leads beyond the first of each group with the same normalised email (case, a {@code +tag}, Gmail's dots). */
    Tally duplicateLeads(Instant asOf);

    /** Companies beyond the first of each group with the same normalised domain ({@code www.}, case). */
    Tally duplicateDomains(Instant asOf);

    /** Companies beyond the first of each group with the same name once case, punctuation and legal forms go. */
    Tally duplicateCompanyNames(Instant asOf);

    /** Cycles that qualified without a lead source. */
    Tally withoutSource(Instant asOf);

    /** MQLs whose first-touch clock was breached without any touch by the instant. */
    Tally untouched(Instant asOf);

    /** MQLs first touched after their first-touch clock's deadline. */
    Tally touchedLate(Instant asOf);

    /**
     * A qualified cycle whose first-touch clock decided nothing (imported history, a clock stopped by a decision):
     * what the audit needs to hold it against the agreement's first-touch deadline itself.
     */
    record Unclocked(
            long leadId,
            Instant qualifiedAt,
            Optional<Instant> firstTouchAt,
            boolean priority,
            Optional<String> rep,
            boolean ended,
            BigDecimal pipeline,
            boolean opportunity) {}

    /**
     * Hands over, one at a time, the qualified cycles by the instant whose first-touch clock was neither met nor
     * breached (on imported history, every one: they are not gathered in memory).
     */
    void unclocked(Instant asOf, java.util.function.Consumer<Unclocked> each);

    /** MQLs whose attempts clock was breached: fewer attempts than the agreement asks, in its window. */
    Tally tooFewAttempts(Instant asOf);

    /** Cycles won, or with an opportunity, that were never SQL. */
    Tally skippedSql(Instant asOf, boolean won);

    /** Won cycles without a lead source, which no attribution can credit. */
    Tally unattributedWins(Instant asOf);

    /** The reason codes given to reject, disqualify, nurture or recycle MQLs, with how many cycles each was given in. */
    Map<String, Long> reasons(Instant asOf);

    /** The cycles that were given this reason code. */
    Tally givenReason(String code, Instant asOf);

    /** The open and won pipeline of the qualified cycles, over how many of them: what an MQL is worth. */
    Tally qualified(Instant asOf);
}
