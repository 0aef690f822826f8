package dev.baton.adapter.yaml;

import dev.baton.core.calendar.Span;
import dev.baton.core.lead.Amounts;
import dev.baton.core.metrics.Measure;
import dev.baton.core.metrics.Metric;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** The small languages inside agreement values: amounts like 5M, percentages, multiples, metric values. */
final class Scalars {

    private static final Pattern PERCENT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)%");
    private static final Pattern RATIO = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)x");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

    private Scalars() {}

    /** 50, 2500000, 5M, 2.5k. */
    static Optional<BigDecimal> amount(String text) {
        String plain = text.strip();
        return plain.contains(",") || plain.contains("_") ? Optional.empty() : Amounts.parse(plain);
    }

    /** A metric value written the way the metric is measured; empty when it is written another way. */
    static Optional<Measure> measure(String text, Metric.Kind kind) {
        String value = text.strip();
        return switch (kind) {
            case COUNT ->
                COUNT.matcher(value).matches()
                        ? Optional.of(new Measure(kind, new BigDecimal(value), value))
                        : Optional.empty();
            case PERCENT -> percent(value);
            case RATIO -> {
                var m = RATIO.matcher(value);
                yield m.matches()
                        ? Optional.of(new Measure(kind, new BigDecimal(m.group(1)), value))
                        : Optional.empty();
            }
            case AMOUNT -> amount(value).map(amount -> new Measure(kind, amount, value));
            case DURATION ->
                Span.parse(value)
                        .filter(span -> !span.business())
                        .map(span -> new Measure(
                                kind, BigDecimal.valueOf(span.toDuration().toMinutes()), value));
        };
    }

    /** 70% as the fraction 0.70; empty when not a percentage or above 100%. */
    static Optional<Measure> percent(String text) {
        var m = PERCENT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal fraction = new BigDecimal(m.group(1)).movePointLeft(2);
        if (fraction.compareTo(BigDecimal.ONE) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Measure(Metric.Kind.PERCENT, fraction, text.strip()));
    }
}
