package dev.baton.core.metrics;

import java.util.Locale;

/** Who answers for a number: marketing, sales, or both teams together. */
public enum Owner {
    MARKETING,
    SALES,
    SHARED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
