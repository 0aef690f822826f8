package dev.baton.core.metrics;

import java.util.Locale;

/**
 * Whether a rate follows a cohort — of the MQLs of March, how many became SQLs, at any later time — or a period —
 * SQLs in March ÷ MQLs in March. Cohort is the default: it never mixes leads of different months in one ratio.
 */
public enum Basis {
    COHORT,
    PERIOD;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
