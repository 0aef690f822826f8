package dev.baton.core.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Optional;

/**
 * What marketing spent in a month, on a source, on a campaign of a source, or on neither (spend not tied to one); the
 * cost metrics divide it by the funnel's counts.
 */
public record Spend(
        YearMonth month,
        Optional<String> source,
        Optional<String> campaign,
        BigDecimal amount,
        Optional<String> currency) {

    public Spend {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("spend is never negative");
        }
    }
}
