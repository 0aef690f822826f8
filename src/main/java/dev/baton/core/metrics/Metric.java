package dev.baton.core.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The funnel measures that both teams share targets on. */
public enum Metric {
    MQLS_PER_MONTH("mqls-per-month", Kind.COUNT),
    ACCEPTANCE_RATE("acceptance-rate", Kind.PERCENT),
    MQL_TO_SQL_RATE("mql-to-sql-rate", Kind.PERCENT),
    SQL_TO_OPPORTUNITY_RATE("sql-to-opportunity-rate", Kind.PERCENT),
    OPPORTUNITY_TO_WON_RATE("opportunity-to-won-rate", Kind.PERCENT),
    MQL_TO_WON_RATE("mql-to-won-rate", Kind.PERCENT),
    CONTACTED_WITHIN_24H_SHARE("contacted-within-24h-share", Kind.PERCENT),
    CONTACTED_WITHIN_48H_SHARE("contacted-within-48h-share", Kind.PERCENT),
    AVERAGE_RESPONSE_TIME("average-response-time", Kind.DURATION),
    MARKETING_SOURCED_PIPELINE_SHARE("marketing-sourced-pipeline-share", Kind.PERCENT),
    PIPELINE_COVERAGE("pipeline-coverage", Kind.RATIO);

    /** How a metric's values are written: {@code 100}, {@code 70%}, {@code 24h}, {@code 3x}. */
    public enum Kind {
        COUNT("a whole number, like 100"),
        PERCENT("a percentage, like 70%"),
        DURATION("a duration, like 24h"),
        RATIO("a multiple, like 3x");

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

    Metric(String id, Kind kind) {
        this.id = id;
        this.kind = kind;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Metric::id).toList();
    }
}
