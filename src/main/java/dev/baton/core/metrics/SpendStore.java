package dev.baton.core.metrics;

import java.time.YearMonth;
import java.util.List;

/** Marketing spend by month, source and campaign. */
public interface SpendStore {

    /** Keeps each month's spend, replacing what was kept for the same month, source and campaign. */
    void put(List<Spend> spend);

    /** The spend of the months from {@code from} through {@code to}, by month, source and campaign. */
    List<Spend> between(YearMonth from, YearMonth to);
}
