package dev.baton.core.metrics;

/** Which way a metric should move: most are better higher; times are better lower. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
