package dev.baton.core.audit;

import dev.baton.core.agreement.Agreement;
import dev.baton.core.agreement.Condition;
import dev.baton.core.agreement.FitRule;
import dev.baton.core.agreement.NegativeRule;
import dev.baton.core.agreement.Routing;
import dev.baton.core.agreement.SlaTimers;
import dev.baton.core.calendar.BusinessCalendar;
import dev.baton.core.calendar.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Audits the data every figure rests on: each field the agreement's rules read, at each stage; duplicate leads and
 * companies; leads without a source; MQLs never touched or touched late, or given too few attempts; stage skips; won
 * deals no attribution can credit; and the reason codes, with catch-all codes given too often. Each finding counts
 * the leads it found, names some, says what to fix, and is ordered by the pipeline it puts at risk: the open and won
 * pipeline on the leads it found, plus, for those of them that qualified without an opportunity yet, what an MQL is
 * worth in this funnel (its pipeline over its MQLs).
 */
public final class FunnelAudit {

    /** Codes that say nothing about why: given for more than {@link #CATCH_ALL_SHARE} of reasons, a finding. */
    private static final Set<String> CATCH_ALL =
            Set.of("OTHER", "MISC", "MISCELLANEOUS", "UNKNOWN", "NONE", "GENERAL", "NOT_SPECIFIED", "N_A", "NA");

    private static final double CATCH_ALL_SHARE = 0.2;

    /** Fields every lead has by construction, which no completeness check needs. */
    private static final Set<String> ALWAYS_THERE = Set.of("lead.email", "lead.email_domain");

    /** A defect: the check that found it, how many leads of how many, the pipeline at risk, examples, the fix. */
    public record Finding(
            String check,
            String title,
            long count,
            long of,
            BigDecimal pipelineAtRisk,
            List<Long> examples,
            String fix) {

        /** The share of the leads looked at that the check found, 0 when it looked at none. */
        public double share() {
            return of == 0 ? 0 : (double) count / of;
        }
    }

    /** A reason code and how often it was given. */
    public record ReasonCount(String code, long count, boolean catchAll) {}

    /**
     * The audit: its findings, most pipeline at risk first; the checks that found nothing; the reason codes given;
     * and what an MQL is worth, by which the findings are ordered.
     */
    public record Report(
            Instant asOf,
            long mqls,
            BigDecimal pipelinePerMql,
            List<Finding> findings,
            List<String> clean,
            List<ReasonCount> reasons) {

        /** A row per finding for a CSV file, after a header row: plain values, no formatting. */
        public List<List<String>> rows() {
            var rows = new ArrayList<List<String>>();
            rows.add(List.of("check", "title", "count", "of", "share", "pipeline_at_risk", "examples", "fix"));
            for (Finding finding : findings) {
                rows.add(List.of(
                        finding.check(),
                        finding.title(),
                        Long.toString(finding.count()),
                        Long.toString(finding.of()),
                        String.format(Locale.ROOT, "%.4f", finding.share()),
                        finding.pipelineAtRisk().toPlainString(),
                        finding.examples().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                        finding.fix()));
            }
            return rows;
        }

        /** One line for people: how many findings, and the largest. */
        public String summary() {
            if (findings.isEmpty()) {
                return "No finding: every check (" + clean.size() + ") came out clean.";
            }
            Finding first = findings.get(0);
            return String.format(
                    Locale.ROOT,
                    "%d finding%s, %d check%s clean; the largest: %s — %,d of %,d, %s of pipeline at risk.",
                    findings.size(),
                    findings.size() == 1 ? "" : "s",
                    clean.size(),
                    clean.size() == 1 ? "" : "s",
                    first.title(),
                    first.count(),
                    first.of(),
                    String.format(Locale.ROOT, "%,.0f", first.pipelineAtRisk()));
        }
    }

    private final AuditStore store;

    public FunnelAudit(AuditStore store) {
        this.store = store;
    }

    /** Audits the funnel as of an instant, against what the agreement's rules need (no field checks without one). */
    public Report run(Optional<Agreement> agreement, Instant asOf) {
        AuditStore.Tally qualified = store.qualified(asOf);
        BigDecimal perMql = qualified.count() == 0
                ? BigDecimal.ZERO
                : qualified.pipeline().divide(BigDecimal.valueOf(qualified.count()), 2, RoundingMode.HALF_UP);
        var checks = new Checks(perMql);
        for (String field : agreement.map(FunnelAudit::fieldsNeeded).orElse(List.of())) {
            for (AuditStore.Stage stage : AuditStore.Stage.values()) {
                checks.add(
                        "missing-" + field + "-at-" + stage.word(),
                        field + " missing at " + stage.word(),
                        store.missing(field, stage, asOf),
                        "Fill " + field + " where leads come in (form, enrichment, import mapping): the agreement's"
                                + " rules read it, and a lead without it scores or routes as if it were absent.");
            }
        }
        checks.add(
                "duplicate-leads",
                "Duplicate leads (same normalised email)",
                store.duplicateLeads(asOf),
                "Merge the duplicates into one lead: their touches and stages are split, and each counts in the"
                        + " funnel.");
        checks.add(
                "duplicate-company-domains",
                "Duplicate companies (same normalised domain)",
                store.duplicateDomains(asOf),
                "Merge the companies: their leads' firmographics and account ownership are split.");
        checks.add(
                "duplicate-company-names",
                "Duplicate companies (same name)",
                store.duplicateCompanyNames(asOf),
                "Check whether these are one company under several domains, and merge them if so.");
        checks.add(
                "leads-without-source",
                "MQLs without a lead source",
                store.withoutSource(asOf),
                "Set lead.source at intake (a hidden form field, the import mapping): no source means no"
                        + " attribution and no cost per MQL.");
        Touches touches = agreement.map(a -> touches(a, asOf)).orElseGet(Touches::new);
        checks.add(
                "untouched-mqls",
                "MQLs never touched",
                touches.untouched.plus(store.untouched(asOf)),
                "Work the queue: each of these waited past its first-touch deadline, or left the funnel, without a"
                        + " single call or email.");
        checks.add(
                "late-touches",
                "MQLs touched after their deadline",
                touches.late.plus(store.touchedLate(asOf)),
                "Look at the reps' load and hours: the first touch came after the agreement's deadline.");
        checks.add(
                "too-few-attempts",
                "MQLs without the required attempts",
                store.tooFewAttempts(asOf),
                "Log every call and email as an activity, and make the agreement's number of attempts before giving"
                        + " a lead up.");
        checks.add(
                "won-without-sql",
                "Deals won without ever being SQL",
                store.skippedSql(asOf, true),
                "Record the SQL stage (with the BANT answers) before an opportunity: otherwise MQL→SQL undercounts.");
        checks.add(
                "opportunity-without-sql",
                "Opportunities opened without ever being SQL",
                store.skippedSql(asOf, false),
                "Record the SQL stage (with the BANT answers) before an opportunity: otherwise MQL→SQL undercounts.");
        checks.add(
                "unattributed-wins",
                "Won deals without a source",
                store.unattributedWins(asOf),
                "Carry the lead's source onto the opportunity: these wins can be credited to no channel.");
        List<ReasonCount> reasons = reasons(asOf);
        long given = reasons.stream().mapToLong(ReasonCount::count).sum();
        for (ReasonCount reason : reasons) {
            if (reason.catchAll() && given > 0 && (double) reason.count() / given > CATCH_ALL_SHARE) {
                AuditStore.Tally tally = store.givenReason(reason.code(), asOf);
                checks.add(
                        "catch-all-reason-" + reason.code(),
                        "Catch-all reason " + reason.code() + " given for more than a fifth of the reasons",
                        new AuditStore.Tally(
                                reason.count(), given, tally.pipeline(), tally.withoutOpportunity(), tally.examples()),
                        "Add the reason codes sales actually mean to the agreement, and ask reps to pick one: a"
                                + " catch-all tells marketing nothing about what to change.");
            }
        }
        return checks.report(asOf, qualified.count(), perMql, reasons);
    }

    private List<ReasonCount> reasons(Instant asOf) {
        return store.reasons(asOf).entrySet().stream()
                .map(e -> new ReasonCount(e.getKey(), e.getValue(), catchAll(e.getKey())))
                .sorted(Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::code))
                .toList();
    }

    static boolean catchAll(String code) {
        return CATCH_ALL.contains(code) || code.startsWith("OTHER_") || code.endsWith("_OTHER");
    }

    /** The cycles without a decided first-touch clock, held against the agreement's deadline here. */
    private static final class Touches {
        Sum untouched = new Sum();
        Sum late = new Sum();
    }

    /**
     * Holds the qualified cycles whose clock decided nothing against the agreement's first-touch deadline, in business
     * time on the calendar of the rep who held them: never touched when the deadline passed (or the cycle ended)
     * without a touch, late when the touch came after it.
     */
    private Touches touches(Agreement agreement, Instant asOf) {
        var touches = new Touches();
        SlaTimers sla = agreement.sla();
        BusinessCalendar agreed = agreement.calendar().calendar();
        // a calendar per rep, made once: the cycles are many, the reps few
        var calendars = new HashMap<String, BusinessCalendar>();
        store.unclocked(asOf, cycle -> {
            Optional<Span> within = cycle.priority()
                    ? sla.priorityFirstTouchWithin().or(sla::firstTouchWithin)
                    : sla.firstTouchWithin();
            Optional<Instant> deadline = within.map(span -> cycle.rep()
                    .map(rep -> calendars.computeIfAbsent(rep, agreement::calendarOf))
                    .orElse(agreed)
                    .plus(cycle.qualifiedAt(), span));
            if (cycle.firstTouchAt().isEmpty()) {
                if (cycle.ended() || deadline.filter(d -> !d.isAfter(asOf)).isPresent()) {
                    touches.untouched.add(cycle);
                }
            } else if (deadline.filter(d -> cycle.firstTouchAt().get().isAfter(d))
                    .isPresent()) {
                touches.late.add(cycle);
            }
        });
        return touches;
    }

    /** Cycles counted here, to be added to a store's tally over the same population. */
    private static final class Sum {
        private long count;
        private BigDecimal pipeline = BigDecimal.ZERO;
        private long withoutOpportunity;
        private final TreeSet<Long> examples = new TreeSet<>();

        void add(AuditStore.Unclocked cycle) {
            count++;
            pipeline = pipeline.add(cycle.pipeline());
            if (!cycle.opportunity()) {
                withoutOpportunity++;
            }
            examples.add(cycle.leadId());
            if (examples.size() > AuditStore.EXAMPLES) {
                examples.pollLast();
            }
        }

        AuditStore.Tally plus(AuditStore.Tally tally) {
            var ids = new TreeSet<>(examples);
            ids.addAll(tally.examples());
            return new AuditStore.Tally(
                    count + tally.count(),
                    tally.of(),
                    pipeline.add(tally.pipeline()),
                    withoutOpportunity + tally.withoutOpportunity(),
                    ids.stream().limit(AuditStore.EXAMPLES).toList());
        }
    }

    /** The fields the agreement's fit, negative and routing rules read, in order of their paths. */
    public static List<String> fieldsNeeded(Agreement agreement) {
        var fields = new TreeSet<String>();
        for (FitRule rule : agreement.fit()) {
            fields.add(rule.condition().field().path());
        }
        for (NegativeRule rule : agreement.negative()) {
            if (rule instanceof NegativeRule.OnField onField) {
                fields.add(onField.condition().field().path());
            }
        }
        for (Routing.Rule rule : agreement.routing().map(Routing::rules).orElse(List.of())) {
            for (Condition condition : rule.when()) {
                fields.add(condition.field().path());
            }
        }
        fields.removeAll(ALWAYS_THERE);
        return List.copyOf(fields);
    }

    /** The checks as they are run: those that found something, and the names of those that did not. */
    private static final class Checks {

        private final BigDecimal perMql;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, String> clean = new LinkedHashMap<>();

        Checks(BigDecimal perMql) {
            this.perMql = perMql;
        }

        void add(String check, String title, AuditStore.Tally tally, String fix) {
            if (tally.count() == 0) {
                clean.put(check, title);
                return;
            }
            BigDecimal atRisk = tally.pipeline()
                    .add(perMql.multiply(BigDecimal.valueOf(tally.withoutOpportunity())))
                    .setScale(0, RoundingMode.HALF_UP);
            findings.add(new Finding(check, title, tally.count(), tally.of(), atRisk, tally.examples(), fix));
        }

        Report report(Instant asOf, long mqls, BigDecimal perMql, List<ReasonCount> reasons) {
            var ordered = new ArrayList<>(findings);
            ordered.sort(Comparator.comparing(Finding::pipelineAtRisk)
                    .reversed()
                    .thenComparing(Comparator.comparingLong(Finding::count).reversed())
                    .thenComparing(Finding::check));
            return new Report(asOf, mqls, perMql, List.copyOf(ordered), List.copyOf(clean.keySet()), reasons);
        }
    }
}
