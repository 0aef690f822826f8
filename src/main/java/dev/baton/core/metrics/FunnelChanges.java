package dev.baton.core.metrics;

/**
 * Says whether the stored funnel has changed: a number that moves whenever something a metric is computed from is
 * written — a cycle, a clock, a touch, a spend, an engagement, an agreement version. Two equal readings mean nothing
 * the figures rest on changed between them, except what moves with the clock alone.
 */
@FunctionalInterface
public interface FunnelChanges {

    long current();
}
