package dev.baton.core.metrics;

import java.util.Locale;

/** docs/metrics.md, written from the definitions themselves so that the page and the code cannot disagree. */
public final class MetricsMarkdown {

    private MetricsMarkdown() {}

    public static String page() {
        var page = new StringBuilder();
        page.append("""
                # Metrics

                Every figure Baton shows — in the API, `baton report`, the scorecard and the escalations — is one of
                these, computed from the lead's history (the funnel's handoff cycles), never from a lead's current
                stage. This page is generated from the definitions in the code
                (`src/main/java/dev/baton/core/metrics/Metric.java`); a test keeps the two equal.

                ## How to read a definition

                - A **handoff cycle** starts when a lead qualifies as an MQL (or an import records it as one). A
                  lead that is recycled or nurtured and qualifies again starts a new cycle, and counts again.
                  Stages reached without any qualification (an opportunity imported for a lead that never was an
                  MQL) belong to a cycle without an MQL: period figures count them, cohort figures do not.
                - Each moment of a cycle — accepted, rejected, SQL, opportunity, won, lost, disqualified, nurture,
                  recycled, first touch — is the first time it happened in that cycle.
                - A **cohort** rate follows the cycles that entered in the period: of the MQLs of March, how many
                  became SQLs, at any time since (up to now). A **period** rate divides what happened in the
                  period by what entered in it: SQLs in March ÷ MQLs in March. Rates are cohort figures unless
                  asked for with `basis=period`. A cohort rate is always between 0% and 100%; a period rate can
                  pass 100% when the later stage was reached by cycles that entered before the period.
                - A period is whole days in the active agreement's timezone, from the first through the last.
                - Percentages are given as fractions (0.25 is 25%), times in hours, amounts as the opportunities
                  wrote them (Baton does not convert currencies).
                - A first touch is an activity a rep logged (call, email, meeting, social touch); automated
                  emails are not touches.
                - Any metric can be filtered by `source`, `campaign`, `team`, `rep`, `version` (the agreement
                  version that qualified the lead) and `segment=field:value` (a lead or company field, as it is
                  now), and broken down with `by=` one of source, campaign, team, rep, version, month, week, or a
                  lead or company field; counts of rejections, disqualifications, nurture and recycling also by
                  `reason`, SLA compliance by `clock`; counts, conversions, times and amounts of the MQLs also
                  by `response`, the business hours an MQL waited for its first touch (`0-1h`, `1-4h`, `4-8h`,
                  `8-24h`, `24-72h`, `72h+`, in that order, and `untouched` while it waits). The parts of a
                  breakdown add up to the whole: cycles without a value fall in `(none)`.

                ## The metrics

                """);
        page.append("| id | metric | owner | better | unit | bases |\n|---|---|---|---|---|---|\n");
        for (Metric metric : Metric.values()) {
            page.append("| [`")
                    .append(metric.id())
                    .append("`](#")
                    .append(metric.id())
                    .append(") | ")
                    .append(metric.title())
                    .append(" | ")
                    .append(metric.owner().word())
                    .append(" | ")
                    .append(metric.direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower")
                    .append(" | ")
                    .append(MetricText.unit(metric))
                    .append(" | ")
                    .append(metric.hasBases() ? "cohort, period" : "—")
                    .append(" |\n");
        }
        for (Metric metric : Metric.values()) {
            page.append("\n### ").append(metric.id()).append("\n\n");
            page.append("**")
                    .append(metric.title())
                    .append(".** ")
                    .append(metric.definition())
                    .append("\n\n");
            page.append("- counts: ")
                    .append(MetricText.numerator(metric, Basis.COHORT))
                    .append('\n');
            if (metric.hasBases()) {
                page.append("- as a period figure: ")
                        .append(MetricText.numerator(metric, Basis.PERIOD))
                        .append('\n');
            }
            page.append("- over: ").append(MetricText.denominator(metric)).append('\n');
            page.append("- in the period by: ")
                    .append(MetricText.clock(metric, Basis.COHORT))
                    .append('\n');
            page.append("- unit: ")
                    .append(MetricText.unit(metric))
                    .append("; a target is written as ")
                    .append(metric.kind().example().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        return page.toString();
    }
}
