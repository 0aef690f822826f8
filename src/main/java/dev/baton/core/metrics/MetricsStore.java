package dev.baton.core.metrics;

/**
 * Computes a metric's figures from the stored funnel. A coverage metric is computed by its caller from the pipeline
 * and the agreement's target; the store answers every other formula.
 */
public interface MetricsStore {

    MetricResult compute(Formula formula, MetricQuery query);
}
