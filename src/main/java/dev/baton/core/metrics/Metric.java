package dev.baton.core.metrics;

import dev.baton.core.metrics.Formula.Amount;
import dev.baton.core.metrics.Formula.ClockCompliance;
import dev.baton.core.metrics.Formula.Conversion;
import dev.baton.core.metrics.Formula.Count;
import dev.baton.core.metrics.Formula.Elapsed;
import dev.baton.core.metrics.Formula.Grain;
import dev.baton.core.metrics.Formula.ReachedWithin;
import dev.baton.core.metrics.Formula.ResponseTime;
import dev.baton.core.metrics.Formula.Statistic;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The funnel's metrics, defined once: each with its id, what it means in words, how it is computed, its unit, who
 * usually answers for it and which way is better. Both teams read these numbers from the same definitions; the
 * agreement's targets and escalations name them by id; docs/metrics.md is generated from this list.
 */
public enum Metric {
    MQLS_PER_MONTH(
            "mqls-per-month",
            Kind.COUNT,
            Owner.MARKETING,
            "MQLs per month",
            "Handoff cycles that started in the period — a lead met the MQL rule, or an import recorded it as an MQL —"
                    + " per calendar month: a month the period covers in part counts as the share of its days it"
                    + " covers. A lead that qualifies again in a later cycle counts again.",
            new Count(Moment.QUALIFIED, Optional.of(Grain.MONTH))),
    MQLS_PER_WEEK(
            "mqls-per-week",
            Kind.COUNT,
            Owner.MARKETING,
            "MQLs per week",
            "As MQLs per month, averaged per week.",
            new Count(Moment.QUALIFIED, Optional.of(Grain.WEEK))),
    MQLS(
            "mqls",
            Kind.COUNT,
            Owner.MARKETING,
            "MQLs",
            "Handoff cycles that started in the period; a lead that qualifies again counts once per cycle.",
            new Count(Moment.QUALIFIED, Optional.empty())),
    ICP_FIT_SHARE(
            "icp-fit-share",
            Kind.PERCENT,
            Owner.MARKETING,
            "MQLs that fit the ICP",
            "The share of the MQLs of the period whose fit score when they qualified met the active agreement's"
                    + " fit minimum (mql.min-fit): the quality of what marketing hands over, judged by the profile"
                    + " both teams agreed. An MQL of an older version with a lower minimum, or one qualified by hand"
                    + " on engagement, can miss it; MQLs imported without a score are not counted.",
            new Formula.FitShare()),
    ACCEPTED_MQLS(
            "accepted-mqls",
            Kind.COUNT,
            Owner.SALES,
            "Accepted MQLs",
            "MQLs sales accepted in the period.",
            new Count(Moment.ACCEPTED, Optional.empty())),
    REJECTED_MQLS(
            "rejected-mqls",
            Kind.COUNT,
            Owner.SALES,
            "Rejected MQLs",
            "MQLs sales turned down in the period, each with the reason code it gave; break it down by reason.",
            new Count(Moment.REJECTED, Optional.empty())),
    REJECTIONS_WITH_REASON_SHARE(
            "rejections-with-reason-share",
            Kind.PERCENT,
            Owner.SALES,
            "Rejections with a reason code",
            "The share of the MQLs sales turned down in the period whose rejection carries a reason code. Baton"
                    + " refuses a rejection without one; rejections imported from another system may lack it.",
            new Formula.WithReason(Moment.REJECTED)),
    DISQUALIFIED_LEADS(
            "disqualified-leads",
            Kind.COUNT,
            Owner.SALES,
            "Disqualified leads",
            "Leads disqualified in the period, by the reason code given.",
            new Count(Moment.DISQUALIFIED, Optional.empty())),
    RECYCLED_LEADS(
            "recycled-leads",
            Kind.COUNT,
            Owner.SHARED,
            "Recycled leads",
            "Leads sent back to marketing to qualify again after a cool-off, in the period, by reason code.",
            new Count(Moment.RECYCLED, Optional.empty())),
    SQLS(
            "sqls",
            Kind.COUNT,
            Owner.SALES,
            "SQLs",
            "Leads sales qualified (with the BANT answers) in the period.",
            new Count(Moment.SQL, Optional.empty())),
    OPPORTUNITIES(
            "opportunities",
            Kind.COUNT,
            Owner.SALES,
            "Opportunities opened",
            "Opportunities opened in the period.",
            new Count(Moment.OPPORTUNITY, Optional.empty())),
    WON_DEALS(
            "won-deals",
            Kind.COUNT,
            Owner.SALES,
            "Won deals",
            "Opportunities won in the period.",
            new Count(Moment.WON, Optional.empty())),
    ACCEPTANCE_RATE(
            "acceptance-rate",
            Kind.PERCENT,
            Owner.SALES,
            "Acceptance rate",
            "The share of MQLs sales accepted.",
            new Conversion(Moment.QUALIFIED, Moment.ACCEPTED)),
    REJECTION_RATE(
            "rejection-rate",
            Kind.PERCENT,
            Owner.SALES,
            "Rejection rate",
            "The share of MQLs sales turned down. An acceptance rate near 100% can mean marketing holds back leads"
                    + " sales would take; a high rejection rate, that the MQL rule lets through leads sales will not.",
            new Conversion(Moment.QUALIFIED, Moment.REJECTED)),
    MQL_TO_SQL_RATE(
            "mql-to-sql-rate",
            Kind.PERCENT,
            Owner.SHARED,
            "MQL → SQL",
            "The share of all MQLs that became SQLs; accepted-to-sql-rate is the share of accepted MQLs.",
            new Conversion(Moment.QUALIFIED, Moment.SQL)),
    ACCEPTED_TO_SQL_RATE(
            "accepted-to-sql-rate",
            Kind.PERCENT,
            Owner.SALES,
            "Accepted MQL → SQL",
            "The share of the MQLs sales accepted that became SQLs.",
            new Conversion(Moment.ACCEPTED, Moment.SQL)),
    SQL_TO_OPPORTUNITY_RATE(
            "sql-to-opportunity-rate",
            Kind.PERCENT,
            Owner.SALES,
            "SQL → opportunity",
            "The share of SQLs for which an opportunity was opened.",
            new Conversion(Moment.SQL, Moment.OPPORTUNITY)),
    OPPORTUNITY_TO_WON_RATE(
            "opportunity-to-won-rate",
            Kind.PERCENT,
            Owner.SALES,
            "Win rate (opportunity → won)",
            "The share of opportunities that were won; sql-to-won-rate counts from the SQL.",
            new Conversion(Moment.OPPORTUNITY, Moment.WON)),
    SQL_TO_WON_RATE(
            "sql-to-won-rate",
            Kind.PERCENT,
            Owner.SALES,
            "SQL → won",
            "The share of SQLs that became won deals.",
            new Conversion(Moment.SQL, Moment.WON)),
    MQL_TO_WON_RATE(
            "mql-to-won-rate",
            Kind.PERCENT,
            Owner.SHARED,
            "MQL → won",
            "The share of MQLs that became won deals: the whole funnel in one number.",
            new Conversion(Moment.QUALIFIED, Moment.WON)),
    RECYCLED_REQUALIFIED_RATE(
            "recycled-requalified-rate",
            Kind.PERCENT,
            Owner.MARKETING,
            "Re-engagement of recycled leads",
            "The share of leads sent back to marketing (recycled) that qualified again in a later cycle.",
            new Conversion(Moment.RECYCLED, Moment.REQUALIFIED)),
    CONTACTED_WITHIN_24H_SHARE(
            "contacted-within-24h-share",
            Kind.PERCENT,
            Owner.SALES,
            "Contacted within 24 h",
            "The share of MQLs a rep touched (logged a call, email, meeting or social touch) within 24 hours on the"
                    + " wall clock of qualifying. Automated emails are not touches.",
            new ReachedWithin(Moment.QUALIFIED, Moment.FIRST_TOUCH, Duration.ofHours(24))),
    CONTACTED_WITHIN_48H_SHARE(
            "contacted-within-48h-share",
            Kind.PERCENT,
            Owner.SALES,
            "Contacted within 48 h",
            "As contacted within 24 h, within 48 hours.",
            new ReachedWithin(Moment.QUALIFIED, Moment.FIRST_TOUCH, Duration.ofHours(48))),
    AVERAGE_RESPONSE_TIME(
            "average-response-time",
            Kind.DURATION,
            Owner.SALES,
            "Response time, mean",
            "From the MQL (not the lead's creation) to the first touch a rep logged, on the wall clock; the mean over"
                    + " the MQLs of the period that have been touched. Untouched MQLs are not in it: contacted-within"
                    + " shares count them.",
            new ResponseTime(Statistic.MEAN, false)),
    MEDIAN_RESPONSE_TIME(
            "median-response-time",
            Kind.DURATION,
            Owner.SALES,
            "Response time, median",
            "As the mean response time, the median.",
            new ResponseTime(Statistic.MEDIAN, false)),
    P90_RESPONSE_TIME(
            "p90-response-time",
            Kind.DURATION,
            Owner.SALES,
            "Response time, 90th percentile",
            "As the mean response time, the time within which 90% of the touched MQLs were touched.",
            new ResponseTime(Statistic.P90, false)),
    AVERAGE_BUSINESS_RESPONSE_TIME(
            "average-business-response-time",
            Kind.DURATION,
            Owner.SALES,
            "Response time in business time, mean",
            "As the mean response time, counting only the open hours of the calendar of the rep who held the lead.",
            new ResponseTime(Statistic.MEAN, true)),
    MEDIAN_BUSINESS_RESPONSE_TIME(
            "median-business-response-time",
            Kind.DURATION,
            Owner.SALES,
            "Response time in business time, median",
            "As the mean business response time, the median.",
            new ResponseTime(Statistic.MEDIAN, true)),
    P90_BUSINESS_RESPONSE_TIME(
            "p90-business-response-time",
            Kind.DURATION,
            Owner.SALES,
            "Response time in business time, 90th percentile",
            "As the mean business response time, the 90th percentile.",
            new ResponseTime(Statistic.P90, true)),
    SLA_COMPLIANCE(
            "sla-compliance",
            Kind.PERCENT,
            Owner.SALES,
            "SLA compliance",
            "Of the service-level clocks of the MQLs of the period that have been decided, the share met on time."
                    + " A clock met late counts as breached; stopped clocks (the lead moved on) and running ones are"
                    + " not counted. Break it down by clock, rep or team.",
            new ClockCompliance(Optional.empty())),
    ROUTE_ON_TIME_SHARE(
            "route-on-time-share",
            Kind.PERCENT,
            Owner.SALES,
            "Routed on time",
            "SLA compliance of the route clock (MQL → assigned).",
            new ClockCompliance(Optional.of("route"))),
    ACCEPT_ON_TIME_SHARE(
            "accept-on-time-share",
            Kind.PERCENT,
            Owner.SALES,
            "Accepted or rejected on time",
            "SLA compliance of the accept clock (assigned → accepted or rejected).",
            new ClockCompliance(Optional.of("accept"))),
    FIRST_TOUCH_ON_TIME_SHARE(
            "first-touch-on-time-share",
            Kind.PERCENT,
            Owner.SALES,
            "First touch on time",
            "SLA compliance of the first-touch clock (assigned → first touch; the priority deadline for priority"
                    + " leads).",
            new ClockCompliance(Optional.of("first-touch"))),
    ATTEMPTS_MET_SHARE(
            "attempts-met-share",
            Kind.PERCENT,
            Owner.SALES,
            "MQLs with the required attempts",
            "SLA compliance of the attempts clock: the share of MQLs that got the agreement's contact attempts"
                    + " within its window (or answered before).",
            new ClockCompliance(Optional.of("attempts"))),
    DISPOSITION_ON_TIME_SHARE(
            "disposition-on-time-share",
            Kind.PERCENT,
            Owner.SALES,
            "Dispositions on time",
            "SLA compliance of the disposition clock (first touch → SQL, nurture, recycle or disqualify).",
            new ClockCompliance(Optional.of("disposition"))),
    PIPELINE(
            "pipeline",
            Kind.AMOUNT,
            Owner.SHARED,
            "Pipeline created",
            "The amounts of the opportunities opened in the period; break it down by source for pipeline by source.",
            new Amount(Moment.OPPORTUNITY, Statistic.SUM)),
    WON_REVENUE(
            "won-revenue",
            Kind.AMOUNT,
            Owner.SALES,
            "Won revenue",
            "The amounts of the opportunities won in the period.",
            new Amount(Moment.WON, Statistic.SUM)),
    AVERAGE_DEAL_SIZE(
            "average-deal-size",
            Kind.AMOUNT,
            Owner.SALES,
            "Average deal size",
            "The mean amount of the opportunities won in the period.",
            new Amount(Moment.WON, Statistic.MEAN)),
    SALES_CYCLE_MEDIAN(
            "sales-cycle-median",
            Kind.DURATION,
            Owner.SHARED,
            "Sales cycle (MQL → won), median",
            "From the MQL to the win, over the deals won in the period; opportunity-cycle-median counts from the"
                    + " opportunity.",
            new Elapsed(Moment.QUALIFIED, Moment.WON, Statistic.MEDIAN)),
    SALES_CYCLE_MEAN(
            "sales-cycle-mean",
            Kind.DURATION,
            Owner.SHARED,
            "Sales cycle (MQL → won), mean",
            "As the median sales cycle, the mean.",
            new Elapsed(Moment.QUALIFIED, Moment.WON, Statistic.MEAN)),
    OPPORTUNITY_CYCLE_MEDIAN(
            "opportunity-cycle-median",
            Kind.DURATION,
            Owner.SALES,
            "Sales cycle (opportunity → won), median",
            "From the opportunity to the win, over the deals won in the period.",
            new Elapsed(Moment.OPPORTUNITY, Moment.WON, Statistic.MEDIAN)),
    MARKETING_SOURCED_PIPELINE_SHARE(
            "marketing-sourced-pipeline-share",
            Kind.PERCENT,
            Owner.MARKETING,
            "Marketing-sourced pipeline share",
            "The share of the pipeline created in the period whose lead came from a marketing source: any source but"
                    + " the agreement's sales sources.",
            new Formula.SourcedShare()),
    MARKETING_SOURCED_PIPELINE(
            "marketing-sourced-pipeline",
            Kind.AMOUNT,
            Owner.MARKETING,
            "Marketing-sourced pipeline",
            "The pipeline created in the period whose lead came from a marketing source (any source but the"
                    + " agreement's sales sources). By campaign, each deal counts for the campaign of the lead's first"
                    + " touch: the earliest campaign named by its events or set as its campaign field.",
            new Formula.Attributed(Moment.OPPORTUNITY, Formula.Credit.SOURCED)),
    MARKETING_SOURCED_REVENUE(
            "marketing-sourced-revenue",
            Kind.AMOUNT,
            Owner.MARKETING,
            "Marketing-sourced revenue",
            "As marketing-sourced pipeline, the deals won in the period.",
            new Formula.Attributed(Moment.WON, Formula.Credit.SOURCED)),
    MARKETING_INFLUENCED_PIPELINE(
            "marketing-influenced-pipeline",
            Kind.AMOUNT,
            Owner.MARKETING,
            "Marketing-influenced pipeline",
            "The pipeline created in the period whose lead a campaign touched before the opportunity opened, whatever"
                    + " its source: sales-sourced deals that marketing helped are in it. By campaign, a deal's amount"
                    + " is split evenly between the campaigns that touched it before the opportunity, so that the"
                    + " campaigns add up to the whole; count is then the deals each campaign touched.",
            new Formula.Attributed(Moment.OPPORTUNITY, Formula.Credit.INFLUENCED)),
    MARKETING_INFLUENCED_REVENUE(
            "marketing-influenced-revenue",
            Kind.AMOUNT,
            Owner.MARKETING,
            "Marketing-influenced revenue",
            "As marketing-influenced pipeline, the deals won in the period (touched before their opportunity opened).",
            new Formula.Attributed(Moment.WON, Formula.Credit.INFLUENCED)),
    COST_PER_MQL(
            "cost-per-mql",
            Kind.AMOUNT,
            Owner.MARKETING,
            "Cost per MQL",
            "Marketing spend in the period divided by the MQLs of the period. Spend is imported per month (POST"
                    + " /api/v1/spend); a month counts for the share of its days the period covers up to today. By"
                    + " source or campaign, each one's spend divided by its own MQLs; the spend not tied to a source"
                    + " or campaign is the part (none).",
            new Formula.CostPer(Moment.QUALIFIED)),
    COST_PER_SQL(
            "cost-per-sql",
            Kind.AMOUNT,
            Owner.MARKETING,
            "Cost per SQL",
            "As cost per MQL, divided by the SQLs of the period.",
            new Formula.CostPer(Moment.SQL)),
    COST_PER_WON_DEAL(
            "cost-per-won-deal",
            Kind.AMOUNT,
            Owner.MARKETING,
            "Cost per won deal",
            "As cost per MQL, divided by the deals won in the period (customer acquisition cost of marketing).",
            new Formula.CostPer(Moment.WON)),
    PIPELINE_COVERAGE(
            "pipeline-coverage",
            Kind.RATIO,
            Owner.SHARED,
            "Pipeline coverage",
            "The pipeline created in the period as a multiple of the won-revenue target for the period (the"
                    + " target's at-least, per month, times the months of the period); none without that target.",
            new Formula.Coverage());

    /** How a metric's values are written: {@code 100}, {@code 70%}, {@code 24h}, {@code 3x}, {@code 25k}. */
    public enum Kind {
        COUNT("a whole number, like 100"),
        PERCENT("a percentage, like 70%"),
        DURATION("a duration, like 24h"),
        RATIO("a multiple, like 3x"),
        AMOUNT("an amount, like 25k");

        private final String example;

        Kind(String example) {
            this.example = example;
        }

        public String example() {
            return example;
        }
    }

    private final String id;
    private final Kind kind;
    private final Owner owner;
    private final String title;
    private final String definition;
    private final Formula formula;

    Metric(String id, Kind kind, Owner owner, String title, String definition, Formula formula) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.title = title;
        this.definition = definition;
        this.formula = formula;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Who usually answers for the metric; an agreement's target names the owner it has there. */
    public Owner owner() {
        return owner;
    }

    public String title() {
        return title;
    }

    /** What the metric means, in words. */
    public String definition() {
        return definition;
    }

    public Formula formula() {
        return formula;
    }

    /** Times, costs, rejections and disqualifications are better lower; everything else higher. */
    public Direction direction() {
        return kind == Kind.DURATION
                        || formula instanceof Formula.CostPer
                        || this == REJECTED_MQLS
                        || this == REJECTION_RATE
                        || this == DISQUALIFIED_LEADS
                ? Direction.LOWER_IS_BETTER
                : Direction.HIGHER_IS_BETTER;
    }

    /** Whether the metric is a rate that can be read as a cohort or as a period figure. */
    public boolean hasBases() {
        return formula instanceof Conversion;
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Metric::id).toList();
    }
}
