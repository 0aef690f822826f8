package dev.baton.core.metrics;

/**
 * Computes a metric's figures from the stored funnel. A coverage metric is computed by its caller from the pipeline
 * and the agreement's target; the store answers every other formula.
 */
public interface MetricsStore {

    MetricResult compute(Formula formula, MetricQuery query);

    /** Several formulas over one question, each with the figures {@link #compute} gives it; in the order asked. */
    default java.util.Map<Formula, MetricResult> computeAll(java.util.List<Formula> formulas, MetricQuery query) {
        var results = new java.util.LinkedHashMap<Formula, MetricResult>();
        formulas.forEach(formula -> results.put(formula, compute(formula, query)));
        return results;
    }

    /** The MQLs of the query's period by month or week (the query's breakdown is not used), stage by stage. */
    java.util.List<Cohort> cohorts(MetricQuery query, Formula.Grain grain, java.util.List<Moment> stages);

    /**
     * The opportunities opened in the query's period by the part of its breakdown and the type of engagement their
     * leads had before, from the engagement kept per lead and type as events arrive; and each part's whole.
     */
    java.util.List<Engagement> engagement(MetricQuery query);
}
