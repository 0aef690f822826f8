package dev.baton.core.metrics;

/**
 * Computes a metric's figures from the stored funnel. A coverage metric is computed by its caller from the pipeline
 * and the agreement's target; the store answers every other formula.
 */
public interface MetricsStore {

    MetricResult compute(Formula formula, MetricQuery query);

    /** The MQLs of the query's period by month or week (the query's breakdown is not used), stage by stage. */
    java.util.List<Cohort> cohorts(MetricQuery query, Formula.Grain grain, java.util.List<Moment> stages);
}
