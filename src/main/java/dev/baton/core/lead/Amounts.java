package dev.baton.core.lead;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Amounts as people write them: 50, 2,500,000, 2.5k, 5M, 1B. */
public final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([kKmMbB]?)");

    private Amounts() {}

    public static Optional<BigDecimal> parse(String text) {
        var m = AMOUNT.matcher(text.strip().replace(",", "").replace("_", ""));
        if (!m.matches()) {
            return Optional.empty();
        }
        int zeros = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 3;
            case "m" -> 6;
            case "b" -> 9;
            default -> 0;
        };
        return Optional.of(new BigDecimal(m.group(1)).movePointRight(zeros));
    }
}
